package dev.wirelab.simd;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

import dev.wirelab.core.checksum.InternetChecksum;

/**
 * The scalar twins of every vector kernel, in two strengths each:
 * <ul>
 *   <li>{@code ...Loop}: the straightforward loop, one byte (or one 16-bit word) per step.
 *       Obviously right, and the yardstick the speed-ups are measured against;</li>
 *   <li>{@code ...Best}: the best plain Java we could write: eight bytes per read through
 *       {@link MemorySegment#get(ValueLayout.OfLong, long)}, and "SIMD within a register"
 *       (SWAR) bit tricks where they apply. This is what the vector kernels must beat to
 *       be worth their incubator module; it is also the fallback path when the Vector API
 *       is absent.</li>
 * </ul>
 * Every method reads a {@link MemorySegment}, so one loop serves {@code byte[]}
 * ({@link MemorySegment#ofArray(byte[])}), heap and direct {@code ByteBuffer}s
 * ({@link MemorySegment#ofBuffer}) and native memory. Indices are relative to the segment.
 * Stateless and thread-safe.
 */
public final class ScalarKernels {

    /** Eight bytes, read little-endian whatever the machine (native order on x86 and ARM). */
    static final ValueLayout.OfLong LE_LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    /**
     * Two bytes, little-endian. Layouts live in {@code static final} fields: the JIT then
     * treats the access as a constant; a {@code withOrder(..)} call inside a loop builds a
     * new layout per access and was measured several times slower.
     */
    static final ValueLayout.OfShort LE_SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    /**
     * The accumulators below gain less than 2^34 per 16 bytes, so a 64-bit sum is safe for
     * 16 GiB; the checksums work in chunks of 1 GiB (an even size, so no word is split).
     */
    static final long CHUNK = 1L << 30;

    private static final long ONES = 0x0101_0101_0101_0101L;
    private static final long LOW7 = 0x7F7F_7F7F_7F7F_7F7FL;
    private static final long HIGH = 0x8080_8080_8080_8080L;

    private ScalarKernels() {
    }

    // ---- Internet checksum --------------------------------------------------------------

    /** BASELINE: core's reference, two bytes per step. Returns the folded 16-bit sum. */
    public static int checksumLoop(MemorySegment data) {
        return InternetChecksum.sumOf(data);
    }

    /**
     * The best scalar checksum: 16 bytes per step as two little-endian {@code long}s, each
     * split into its two 32-bit halves and added to one of two 64-bit accumulators (two, so
     * that consecutive additions do not wait for each other).
     *
     * <p>Why halves: a 32-bit half holds two 16-bit words, and since {@code 2^16 = 1}
     * in ones' complement arithmetic, adding {@code hi<<16 | lo} is as good as adding
     * {@code hi + lo}; the final fold sorts it out. Why little-endian: it is the machine's
     * own order, so no byte is swapped in the loop; the sum of byte-swapped words is the
     * byte-swapped sum (RFC 1071 §2(B)), so one swap at the end fixes it. Returns the
     * folded 16-bit sum, identical to {@link #checksumLoop}.
     */
    public static int checksumBest(MemorySegment data) {
        long total = 0;
        for (long start = 0; start < data.byteSize(); start += CHUNK) {
            long n = Math.min(CHUNK, data.byteSize() - start);
            total += InternetChecksum.fold(littleEndianWideSum(data, start, start + n));
        }
        return InternetChecksum.swapBytes(InternetChecksum.fold(total));
    }

    /**
     * The unfolded sum of the little-endian 16-bit words of {@code data[from, to)}, counted
     * from {@code from} (a trailing odd byte is a word with a zero high byte). Shared with
     * the vector kernel's tail. At most 1 GiB at a time.
     */
    static long littleEndianWideSum(MemorySegment data, long from, long to) {
        long a = 0;
        long b = 0;
        long i = from;
        // 16 bytes per step into two independent accumulators
        for (; i + 16 <= to; i += 16) {
            long x = data.get(LE_LONG, i);
            long y = data.get(LE_LONG, i + 8);
            a += (x >>> 32) + (x & 0xFFFF_FFFFL);
            b += (y >>> 32) + (y & 0xFFFF_FFFFL);
        }
        // fewer than 16 left: whole words, then a lone byte (the low byte in this order)
        for (; i + 2 <= to; i += 2) {
            a += data.get(LE_SHORT, i) & 0xFFFF;
        }
        if (i < to) {
            a += u8(data, i);
        }
        return a + b;
    }

    // ---- CRLF scan -----------------------------------------------------------------------

    /** BASELINE: the index of the first {@code "\r\n"} at or after {@code from}, or -1. */
    public static long indexOfCrlfLoop(MemorySegment data, long from) {
        long last = data.byteSize() - 1;
        for (long i = from; i < last; i++) {
            if (data.get(ValueLayout.JAVA_BYTE, i) == '\r' && data.get(ValueLayout.JAVA_BYTE, i + 1) == '\n') {
                return i;
            }
        }
        return -1;
    }

    /**
     * The best scalar CRLF scan, SWAR ("SIMD within a register"): eight bytes per
     * {@code long}. First a cheap test, {@link #hasZeroByte}, asks whether the eight bytes
     * at {@code i} hold a CR at all; most words do not, and cost five operations. Only when
     * one does, mark the CR bytes of that word exactly and the LF bytes of the word at
     * {@code i + 1}; their AND marks every {@code k} with CR at {@code i+k} and LF at
     * {@code i+k+1}, and the lowest mark, counted in bytes, is the answer.
     */
    public static long indexOfCrlfBest(MemorySegment data, long from) {
        long n = data.byteSize();
        long i = from;
        for (; i + 9 <= n; i += 8) {
            long crs = data.get(LE_LONG, i) ^ (ONES * '\r');
            if (hasZeroByte(crs)) {
                long hits = zeroBytes(crs) & zeroBytes(data.get(LE_LONG, i + 1) ^ (ONES * '\n'));
                if (hits != 0) {
                    return i + (Long.numberOfTrailingZeros(hits) >>> 3);
                }
            }
        }
        // fewer than nine bytes left: finish byte by byte
        return indexOfCrlfLoop(data, i);
    }

    /**
     * Whether any byte of {@code x} is zero: subtracting 1 from each byte borrows into bit 7
     * only from a zero byte (or from one that a borrow reached, which needs a zero byte
     * below it), and {@code ~x} drops bytes that had bit 7 set already. Exact as a yes/no;
     * which byte it flags can be wrong, so {@link #zeroBytes} finds the positions.
     */
    static boolean hasZeroByte(long x) {
        return ((x - ONES) & ~x & HIGH) != 0;
    }

    /**
     * 0x80 in every byte of {@code x} that is zero, 0x00 elsewhere. Exact (no false
     * positives, unlike the shorter {@code (x - ONES) & ~x & HIGH} form): adding 0x7F to
     * the low seven bits sets bit 7 exactly when they were non-zero; OR in the byte's own
     * bit 7, and what is still clear is a zero byte.
     */
    static long zeroBytes(long x) {
        long nonZeroLow7 = (x & LOW7) + LOW7;
        return ~(nonZeroLow7 | x | LOW7);
    }

    // ---- byte-set scans ------------------------------------------------------------------

    /** BASELINE: the first byte at or after {@code from} that is in {@code set}, or -1; compares against each member. */
    public static long indexOfAnyLoop(MemorySegment data, long from, AsciiSet set) {
        String members = set.members();
        for (long i = from; i < data.byteSize(); i++) {
            byte b = data.get(ValueLayout.JAVA_BYTE, i);
            for (int m = 0; m < members.length(); m++) {
                if (b == members.charAt(m)) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** The first byte at or after {@code from} that is in {@code set}, or -1; one table lookup per byte. */
    public static long indexOfAnyBest(MemorySegment data, long from, AsciiSet set) {
        return firstWhere(data, from, set.table(), true);
    }

    /**
     * BASELINE for validation: the first byte at or after {@code from} that is not a token
     * character, or -1; tests the RFC 9110 grammar ({@code ALPHA / DIGIT / "!" / ...})
     * byte by byte, as one would write it from the RFC.
     */
    public static long indexOfNonTcharLoop(MemorySegment data, long from) {
        for (long i = from; i < data.byteSize(); i++) {
            int c = data.get(ValueLayout.JAVA_BYTE, i) & 0xFF;
            boolean alpha = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
            boolean digit = c >= '0' && c <= '9';
            if (!alpha && !digit && "!#$%&'*+-.^_`|~".indexOf(c) < 0) {
                return i;
            }
        }
        return -1;
    }

    /** The first byte at or after {@code from} that is not in {@code set}, or -1; one table lookup per byte. */
    public static long indexOfNonMemberBest(MemorySegment data, long from, AsciiSet set) {
        return firstWhere(data, from, set.table(), false);
    }

    private static long firstWhere(MemorySegment data, long from, boolean[] table, boolean member) {
        for (long i = from; i < data.byteSize(); i++) {
            if (table[data.get(ValueLayout.JAVA_BYTE, i) & 0xFF] == member) {
                return i;
            }
        }
        return -1;
    }

    private static int u8(MemorySegment data, long i) {
        return data.get(ValueLayout.JAVA_BYTE, i) & 0xFF;
    }
}
