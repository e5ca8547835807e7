package dev.wirelab.core.checksum;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * The Internet checksum (RFC 1071), the 16-bit check carried by IPv4, UDP, TCP and ICMP
 * headers; an incremental, deliberately plain reference implementation.
 *
 * <h2>The idea</h2>
 * Read the data as a sequence of 16-bit big-endian words (a trailing odd byte is padded
 * with a zero low byte), add them in <em>ones' complement</em> arithmetic, and send the
 * ones' complement (bitwise NOT) of that sum. The receiver adds every word again,
 * checksum included, and expects {@code 0xFFFF}.
 * <pre>
 *   bytes      00 01 | f2 03 | f4 f5 | f6 f7          (RFC 1071, section 3)
 *   words      0x0001 + 0xf203 + 0xf4f5 + 0xf6f7 = 0x2ddf0   (plain 32-bit sum)
 *   fold       0xddf0 + 0x2 = 0xddf2                   (end-around carry)
 *   checksum   ~0xddf2 = 0x220d
 * </pre>
 *
 * <h2>End-around carry</h2>
 * Ones' complement addition differs from ordinary 16-bit addition in one place: a carry
 * out of bit 15 is not thrown away but added back in at bit 0. Doing that after every
 * word would be slow, so every implementation here adds words into a wide ({@code long})
 * accumulator and {@linkplain #fold folds} once at the end: the carries that piled up in
 * the upper bits are added back into the lower 16 in one go. The result is the same,
 * because ones' complement addition is associative and commutative (RFC 1071 §2(A)).
 * Plain 16-bit addition that drops the carry, as in some SIMD snippets that add 16-bit
 * lanes with a wrapping add, gives a <em>wrong</em> checksum as soon as a lane overflows.
 *
 * <h2>Why byte order does not matter (RFC 1071 §2(B))</h2>
 * Swap the two bytes of every word, sum them, and you get the byte-swapped sum: the carry
 * out of each byte lands in the other byte either way (out of the low byte into the high
 * one, out of the high byte around to the low one). Two consequences used across wirelab:
 * <ul>
 *   <li>a little-endian machine may sum its native words and swap the folded result once;
 *       the fast kernels in the {@code simd} module do exactly that;</li>
 *   <li>a slice that starts at an odd position of the whole message (because an earlier
 *       slice had an odd length) can be summed as if it started a word, then swapped:
 *       that is how {@link #update} carries odd lengths between slices.</li>
 * </ul>
 *
 * <h2>Using it</h2>
 * <pre>{@code
 * int checksum = new InternetChecksum().update(header).update(payload).checksum();
 * }</pre>
 * UDP and TCP also cover a pseudo-header taken from the IP header
 * ({@link #updateIpv4PseudoHeader}). Where the lab simplifies: it computes checksums, it
 * does not place them (for UDP a computed {@code 0x0000} is sent as {@code 0xFFFF}, since
 * zero means "no checksum"; RFC 768).
 *
 * <p>Not thread-safe: one instance accumulates one message.
 */
public final class InternetChecksum {

    /** Sum of the folded slice sums so far; each adds at most 0xFFFF, so it cannot overflow. */
    private long sum;
    /** Whether an odd number of bytes was consumed: the next byte is the low half of a word. */
    private boolean odd;

    /** Adds all of {@code bytes}. */
    public InternetChecksum update(byte[] bytes) {
        return update(bytes, 0, bytes.length);
    }

    /** Adds {@code length} bytes of {@code bytes} starting at {@code offset}. */
    public InternetChecksum update(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        return update(MemorySegment.ofArray(bytes).asSlice(offset, length));
    }

    /**
     * Adds the bytes between the buffer's position and limit and moves the position to the
     * limit, as {@link java.util.zip.Checksum#update(ByteBuffer)} does. Heap, direct and
     * read-only buffers all work; the byte order set on the buffer is irrelevant.
     */
    public InternetChecksum update(ByteBuffer buffer) {
        update(MemorySegment.ofBuffer(buffer));
        buffer.position(buffer.limit());
        return this;
    }

    /** Adds every byte of the segment (heap or native). */
    public InternetChecksum update(MemorySegment segment) {
        return addPartialSum(sumOf(segment), segment.byteSize());
    }

    /**
     * Adds the 12-byte IPv4 pseudo-header that UDP and TCP checksums cover (RFC 768, RFC 793):
     * <pre>
     *   0      7 8     15 16    23 24    31
     *  +--------+--------+--------+--------+
     *  |          source address           |
     *  +--------+--------+--------+--------+
     *  |        destination address        |
     *  +--------+--------+--------+--------+
     *  |  zero  |protocol|     length      |
     *  +--------+--------+--------+--------+
     * </pre>
     *
     * @param source      IPv4 source address, big-endian in an int ({@code 192.168.0.1 = 0xC0A80001})
     * @param destination IPv4 destination address, same encoding
     * @param protocol    IP protocol number (17 for UDP, 6 for TCP)
     * @param length      the UDP/TCP length: header plus payload, in bytes
     */
    public InternetChecksum updateIpv4PseudoHeader(int source, int destination, int protocol, int length) {
        ByteBuffer pseudo = ByteBuffer.allocate(12)
                .putInt(source).putInt(destination)
                .put((byte) 0).put((byte) protocol).putShort((short) length)
                .flip();
        return update(pseudo);
    }

    /**
     * Merges the folded sum of a slice computed elsewhere (for example by a SIMD kernel)
     * as if its {@code byteCount} bytes had been passed to {@link #update}.
     *
     * @param sum16     the slice's ones' complement sum, as if the slice began a word
     * @param byteCount the slice's length; its parity decides how the next slice lines up
     */
    public InternetChecksum addPartialSum(int sum16, long byteCount) {
        if ((sum16 & ~0xFFFF) != 0 || byteCount < 0) {
            throw new IllegalArgumentException("need a 16-bit sum and a length >= 0, got sum "
                    + Integer.toHexString(sum16) + " and length " + byteCount);
        }
        // A slice that starts in the middle of a word has all its bytes in the opposite
        // halves: summing it as if aligned and swapping the result is the same (§2(B)).
        sum += odd ? swapBytes(sum16) : sum16;
        odd ^= (byteCount & 1) == 1;
        return this;
    }

    /** The ones' complement sum of everything added so far, folded to 16 bits (not inverted). */
    public int sum() {
        return fold(sum);
    }

    /** The checksum to put in a header: the ones' complement of {@link #sum()}. */
    public int checksum() {
        return ~sum() & 0xFFFF;
    }

    /** Starts over, ready for the next message. */
    public InternetChecksum reset() {
        sum = 0;
        odd = false;
        return this;
    }

    // ---- one-shot helpers -------------------------------------------------------------

    /** The checksum of {@code length} bytes of {@code bytes} starting at {@code offset}. */
    public static int checksum(byte[] bytes, int offset, int length) {
        return new InternetChecksum().update(bytes, offset, length).checksum();
    }

    /**
     * Whether data that already carries its checksum (an IPv4 header, say) is intact: the
     * sum over all of it, checksum field included, is {@code 0xFFFF}.
     */
    public static boolean verifies(byte[] bytes, int offset, int length) {
        return new InternetChecksum().update(bytes, offset, length).sum() == 0xFFFF;
    }

    /**
     * The folded ones' complement sum of one slice, read as big-endian words from its first
     * byte: the straightforward loop, two bytes per step.
     */
    public static int sumOf(MemorySegment slice) {
        long sum = 0;
        long n = slice.byteSize();
        long i = 0;
        // whole words: high byte first (network order)
        for (; i + 1 < n; i += 2) {
            sum += (u8(slice, i) << 8) | u8(slice, i + 1);
        }
        // a trailing odd byte is the high half of a word whose low half is zero
        if (i < n) {
            sum += u8(slice, i) << 8;
        }
        return fold(sum);
    }

    /**
     * Folds a wide sum of 16-bit words to 16 bits by adding the carries back in (the
     * end-around carry). Two rounds of 32 → 17 bits would not be enough for a full 64-bit
     * sum, so this loops until nothing is left above bit 15; it runs at most four times.
     *
     * @param wide an unsigned sum of 16-bit words (any 64-bit value)
     */
    public static int fold(long wide) {
        long s = wide;
        while ((s >>> 16) != 0) {
            s = (s & 0xFFFF) + (s >>> 16);
        }
        return (int) s;
    }

    /** Exchanges the two bytes of a 16-bit value: {@code 0xABCD -> 0xCDAB}. */
    public static int swapBytes(int sum16) {
        return ((sum16 & 0xFF) << 8) | ((sum16 >>> 8) & 0xFF);
    }

    private static int u8(MemorySegment segment, long index) {
        return segment.get(ValueLayout.JAVA_BYTE, index) & 0xFF;
    }
}
