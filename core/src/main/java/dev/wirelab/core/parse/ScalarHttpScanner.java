package dev.wirelab.core.parse;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The scanner that needs nothing but Java: what the parser has always run, and what runs
 * whenever no faster {@link HttpScanner.Provider} is usable (see {@link HttpScanners}).
 *
 * <p>The byte searches (the LF, a control byte) go eight bytes per step with SWAR, "SIMD
 * within a register": eight bytes loaded as one little-endian {@code long} and tested all at
 * once with integer arithmetic (the two tests are explained at {@link #indexOf(byte[], int, int, byte)}
 * and {@link #indexOfControl(byte[], int, int)}). The two class checks (token, visible ASCII)
 * are a table lookup or two comparisons per byte: methods and names are short, and no cheap
 * SWAR test exists for a set as ragged as RFC 9110's {@code tchar}.
 */
final class ScalarHttpScanner implements HttpScanner {

    /** Eight bytes, the byte at the lowest index in the lowest bits, on any platform. */
    private static final VarHandle ARRAY_LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfLong LONG_LE = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    /** 0x01 in every byte, and 0x80 in every byte: the two constants of the SWAR tests. */
    private static final long ONES = 0x0101_0101_0101_0101L;
    private static final long HIGHS = 0x8080_8080_8080_8080L;

    static final ScalarHttpScanner INSTANCE = new ScalarHttpScanner();

    private ScalarHttpScanner() {
    }

    // ---- a byte value ----

    /**
     * SWAR: XOR eight bytes with {@code value} in every byte, so the bytes that match become
     * 0x00, then find a zero byte with the classic {@code (x - 0x01..01) & ~x & 0x80..80}: a
     * byte's high bit ends up set only if that byte was zero (bits above a true zero may light
     * up falsely, but the <em>lowest</em> lit byte is always the first real match, and that
     * is all we take). Read little-endian, "first in memory" is "lowest bits", so
     * {@code numberOfTrailingZeros / 8} is the match's position. The tail that does not fill
     * a {@code long} goes a byte at a time.
     */
    @Override
    public int indexOf(byte[] array, int from, int to, byte value) {
        long pattern = ONES * (value & 0xFF);
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long found = zeroBytes((long) ARRAY_LONG_LE.get(array, i) ^ pattern);
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (array[i] == value) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public long indexOf(MemorySegment segment, long from, long to, byte value) {
        long pattern = ONES * (value & 0xFF);
        long i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long found = zeroBytes(segment.get(LONG_LE, i) ^ pattern);
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (segment.get(ValueLayout.JAVA_BYTE, i) == value) {
                return i;
            }
        }
        return -1;
    }

    // ---- a control byte (field-content) ----

    /**
     * SWAR again: {@code (x - 0x20..20) & ~x & 0x80..80} lights the high bit of a byte below
     * 0x20 (bytes of 0x80 and above keep theirs dark, as obs-text is allowed), and the
     * zero-byte test on {@code x ^ 0x7F..7F} finds DEL. Any light at all sends that one chunk
     * through the exact byte test, because HTAB is below 0x20 and legal: header values rarely
     * hold tabs, so the fast path is the common one.
     */
    @Override
    public int indexOfControl(byte[] array, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            if (mayHoldControl((long) ARRAY_LONG_LE.get(array, i))) {
                int hit = firstControl(array, i, i + Long.BYTES);
                if (hit >= 0) {
                    return hit;
                }
            }
        }
        return firstControl(array, i, to);
    }

    @Override
    public long indexOfControl(MemorySegment segment, long from, long to) {
        long i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            if (mayHoldControl(segment.get(LONG_LE, i))) {
                long hit = firstControl(segment, i, i + Long.BYTES);
                if (hit >= 0) {
                    return hit;
                }
            }
        }
        return firstControl(segment, i, to);
    }

    // ---- character classes, a byte at a time ----

    @Override
    public int indexOfNonTchar(byte[] array, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!HttpSyntax.isTchar(array[i] & 0xFF)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public long indexOfNonTchar(MemorySegment segment, long from, long to) {
        for (long i = from; i < to; i++) {
            if (!HttpSyntax.isTchar(segment.get(ValueLayout.JAVA_BYTE, i) & 0xFF)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int indexOfNonVisible(byte[] array, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!HttpSyntax.isVisibleAscii(array[i] & 0xFF)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public long indexOfNonVisible(MemorySegment segment, long from, long to) {
        for (long i = from; i < to; i++) {
            if (!HttpSyntax.isVisibleAscii(segment.get(ValueLayout.JAVA_BYTE, i) & 0xFF)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String description() {
        return "scalar (SWAR line and control search, 8 bytes per step; table lookups for tokens)";
    }

    @Override
    public String toString() {
        return "scalar";
    }

    // ---- the SWAR tests and their exact fallbacks ----

    /** The high bit of every byte of {@code x} that is 0x00 (the lowest lit byte is exact). */
    private static long zeroBytes(long x) {
        return (x - ONES) & ~x & HIGHS;
    }

    /** Whether any of the eight bytes may be below 0x20 or DEL (HTAB lights up too). */
    private static boolean mayHoldControl(long x) {
        long low = (x - ONES * 0x20) & ~x & HIGHS;
        return (low | zeroBytes(x ^ (ONES * 0x7F))) != 0;
    }

    private static int firstControl(byte[] array, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!HttpSyntax.isFieldContent(array[i] & 0xFF)) {
                return i;
            }
        }
        return -1;
    }

    private static long firstControl(MemorySegment segment, long from, long to) {
        for (long i = from; i < to; i++) {
            if (!HttpSyntax.isFieldContent(segment.get(ValueLayout.JAVA_BYTE, i) & 0xFF)) {
                return i;
            }
        }
        return -1;
    }
}
