package dev.wirelab.core.load;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;

/**
 * The bytes the load generator sends, chosen so that checking every echoed byte costs about
 * as much as a {@code memcmp}, and so that a misordered, repeated, dropped or misdelivered
 * chunk can never look right.
 *
 * <pre>
 *   TABLE: PERIOD random bytes (PERIOD = 1,048,573, a prime), then its first SLICE bytes again
 *
 *   connection c, stream position x  ──▶  TABLE[(x + c·STRIDE) mod PERIOD]
 *   message k of size s occupies positions k·s .. k·s + s − 1
 * </pre>
 *
 * <p><b>Why it detects misordering.</b> Each connection sends one continuous stream of the
 * table, starting at its own offset. If message {@code k} arrives where message {@code k'}
 * was expected, the two slices lie {@code (k − k')·s} apart in the table. Because the period
 * is prime, that distance is a whole number of periods only when {@code s} is itself a
 * multiple of 1,048,573 or the messages are a million apart, so in practice any swap,
 * repeat or loss shows up as a mismatch. Bytes from another connection lie
 * {@code (c − c')·STRIDE} apart, which is never a whole number of periods either.
 *
 * <p><b>Why a table.</b> A pattern computed byte by byte (a hash of the position) costs a
 * multiply per byte on both the send and the verify side, on the same two cores the server
 * runs on. Copying and comparing slices of a precomputed table runs at memory speed
 * ({@link ByteBuffer#mismatch} is vectorized), so verification disturbs the measurement least.
 * The copy of the first {@code SLICE} bytes at the end lets any slice up to {@code SLICE}
 * long be read without wrapping.
 */
final class EchoPattern {

    /** A prime, so no message size below it repeats the pattern. */
    static final int PERIOD = 1_048_573;
    /** The longest slice one call copies or compares. */
    static final int SLICE = 64 * 1024;
    /** Distance in the table between the streams of neighbouring connections (also prime). */
    private static final int STRIDE = 7_919;

    private static final ByteBuffer TABLE = table();

    private EchoPattern() {
    }

    private static ByteBuffer table() {
        byte[] bytes = new byte[PERIOD + SLICE];
        byte[] random = new byte[PERIOD];
        new SplittableRandom(0x5EED).nextBytes(random);
        System.arraycopy(random, 0, bytes, 0, PERIOD);
        System.arraycopy(random, 0, bytes, PERIOD, SLICE);
        return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
    }

    private static int index(int connection, long position) {
        return (int) Math.floorMod(position + (long) connection * STRIDE, (long) PERIOD);
    }

    /** Puts bytes {@code position .. position+length-1} of this connection's stream into {@code dst}. */
    static void copy(int connection, long position, int length, ByteBuffer dst) {
        int from = index(connection, position);
        dst.put(TABLE.slice(from, length));
    }

    /**
     * Compares {@code src[offset .. offset+length-1]} (absolute indices) with this connection's stream from {@code position}.
     *
     * @return the stream position of the first wrong byte, or -1 if all match
     */
    static long mismatch(int connection, long position, ByteBuffer src, int offset, int length) {
        int at = src.slice(offset, length).mismatch(TABLE.slice(index(connection, position), length));
        return at < 0 ? -1 : position + at;
    }
}
