package dev.wirelab.simd;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;

import dev.wirelab.core.parse.HttpScanner;
import dev.wirelab.core.parse.HttpScanners;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * core's {@link HttpScanner} on the Vector API: each search classifies a whole vector of
 * bytes (64 with AVX-512) per step, turns the lanes that match into the bits of a
 * {@code long} ({@code VectorMask.toLong}, one {@code kmovq}), and takes the lowest bit.
 *
 * <h2>Why short lines still pay</h2>
 * A header line is 20 to 100 bytes, so most searches end inside their first vector. What
 * makes one vector per line work is that a load may read past the window: the kernel loads
 * the full vector at {@code from} whenever the array or segment has that many bytes left,
 * and simply ignores a hit at or beyond {@code to}. No masked load, no scalar tail for the
 * common case. Only near the very end of the array or segment does it load the last full
 * vector instead (ending exactly at the end) and shift away the lanes before {@code from};
 * an array or segment shorter than one vector goes to the scalar scanner.
 *
 * <h2>The four classes, in vector operations</h2>
 * <pre>
 *   a byte value     v == value
 *   control          (v &lt;u 0x20 and v != HTAB) or v == DEL
 *   not visible      not (v &gt; 0x20 and v &lt; 0x7F), signed: bytes 0x80.. are negative, so not visible
 *   not a token      two 16-entry nibble-table lookups (selectFrom, one vpermb each; see AsciiSet)
 * </pre>
 *
 * <p>The species is the machine's preferred one, capped at 512 bits (64 lanes, the most a
 * {@code long} mask can hold). {@link VectorHttpScannerProvider} only offers this class when
 * {@link SimdSupport} chose the vector path (module present, species of 128 bits or more).
 * Loading it needs {@code --add-modules jdk.incubator.vector}. The vector code stays inside
 * the two {@code maskAt} methods, which take and return primitives only (see
 * {@link VectorKernels}, "No vector crosses a call").
 */
final class VectorHttpScanner implements HttpScanner {

    private static final VectorSpecies<Byte> BYTES = ByteVector.SPECIES_PREFERRED.length() > Long.SIZE
            ? ByteVector.SPECIES_512 : ByteVector.SPECIES_PREFERRED;
    private static final int LANES = BYTES.length();
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    /** What a lane is tested for. */
    private static final int VALUE = 0;
    private static final int CONTROL = 1;
    private static final int NON_VISIBLE = 2;
    private static final int NON_TCHAR = 3;

    /** Lane l: the tchar nibble-table entry for low nibble l (see {@link AsciiSet}). */
    private static final ByteVector TCHAR_BY_LOW = ByteVector.fromArray(BYTES, AsciiSet.TCHAR.nibbleLanes(), 0);
    /** Lane h: bit h for an ASCII high nibble (0..7), nothing for 8..15. */
    private static final ByteVector BIT_OF_HIGH = ByteVector.fromArray(BYTES, highNibbleBits(), 0);

    private static final HttpScanner SCALAR = HttpScanners.scalar();

    VectorHttpScanner() {
    }

    /** The vector width the scanner uses, in bits. */
    static int bits() {
        return BYTES.vectorBitSize();
    }

    // ---- byte[] ----

    @Override
    public int indexOf(byte[] array, int from, int to, byte value) {
        return first(array, from, to, VALUE, value);
    }

    @Override
    public int indexOfNonTchar(byte[] array, int from, int to) {
        return first(array, from, to, NON_TCHAR, (byte) 0);
    }

    @Override
    public int indexOfNonVisible(byte[] array, int from, int to) {
        return first(array, from, to, NON_VISIBLE, (byte) 0);
    }

    @Override
    public int indexOfControl(byte[] array, int from, int to) {
        return first(array, from, to, CONTROL, (byte) 0);
    }

    // ---- MemorySegment ----

    @Override
    public long indexOf(MemorySegment segment, long from, long to, byte value) {
        return first(segment, from, to, VALUE, value);
    }

    @Override
    public long indexOfNonTchar(MemorySegment segment, long from, long to) {
        return first(segment, from, to, NON_TCHAR, (byte) 0);
    }

    @Override
    public long indexOfNonVisible(MemorySegment segment, long from, long to) {
        return first(segment, from, to, NON_VISIBLE, (byte) 0);
    }

    @Override
    public long indexOfControl(MemorySegment segment, long from, long to) {
        return first(segment, from, to, CONTROL, (byte) 0);
    }

    @Override
    public String description() {
        return "vector (" + bits() + "-bit, " + LANES + " bytes per step)";
    }

    @Override
    public String toString() {
        return "vector";
    }

    // ---- the search loop: whole vectors, reading past `to` but never past the end ----

    private static int first(byte[] array, int from, int to, int kind, byte value) {
        for (int i = from; i < to; i += LANES) {
            int at = i;
            long hits;
            if (i <= array.length - LANES) {
                hits = maskAt(array, i, kind, value);
            } else if (array.length >= LANES) {
                // the last full vector, ending at the array's end; lanes before i are not ours
                at = array.length - LANES;
                hits = maskAt(array, at, kind, value) & (-1L << (i - at));
            } else {
                return scalar(array, i, to, kind, value);
            }
            if (hits != 0) {
                int hit = at + Long.numberOfTrailingZeros(hits);
                return hit < to ? hit : -1;
            }
        }
        return -1;
    }

    private static long first(MemorySegment segment, long from, long to, int kind, byte value) {
        long size = segment.byteSize();
        for (long i = from; i < to; i += LANES) {
            long at = i;
            long hits;
            if (i <= size - LANES) {
                hits = maskAt(segment, i, kind, value);
            } else if (size >= LANES) {
                at = size - LANES;
                hits = maskAt(segment, at, kind, value) & (-1L << (i - at));
            } else {
                return scalar(segment, i, to, kind, value);
            }
            if (hits != 0) {
                long hit = at + Long.numberOfTrailingZeros(hits);
                return hit < to ? hit : -1;
            }
        }
        return -1;
    }

    /**
     * One vector from {@code array[at]}: bit k set when lane k is of the kind asked for.
     * {@code kind} is a constant at every call site, so after inlining only one arm is left.
     */
    private static long maskAt(byte[] array, int at, int kind, byte value) {
        ByteVector v = ByteVector.fromArray(BYTES, array, at);
        return switch (kind) {
            case VALUE -> v.eq(value).toLong();
            case CONTROL -> v.compare(VectorOperators.ULT, (byte) 0x20).andNot(v.eq((byte) '\t')).or(v.eq((byte) 0x7F)).toLong();
            case NON_VISIBLE -> v.compare(VectorOperators.GT, (byte) 0x20).and(v.compare(VectorOperators.LT, (byte) 0x7F)).not().toLong();
            default -> v.and((byte) 0x0F).selectFrom(TCHAR_BY_LOW)
                    .and(v.lanewise(VectorOperators.LSHR, 4).selectFrom(BIT_OF_HIGH))
                    .eq((byte) 0).toLong();
        };
    }

    /** The same over a segment; the same four arms (a helper taking the vector would be a call a vector crosses). */
    private static long maskAt(MemorySegment segment, long at, int kind, byte value) {
        ByteVector v = ByteVector.fromMemorySegment(BYTES, segment, at, LE);
        return switch (kind) {
            case VALUE -> v.eq(value).toLong();
            case CONTROL -> v.compare(VectorOperators.ULT, (byte) 0x20).andNot(v.eq((byte) '\t')).or(v.eq((byte) 0x7F)).toLong();
            case NON_VISIBLE -> v.compare(VectorOperators.GT, (byte) 0x20).and(v.compare(VectorOperators.LT, (byte) 0x7F)).not().toLong();
            default -> v.and((byte) 0x0F).selectFrom(TCHAR_BY_LOW)
                    .and(v.lanewise(VectorOperators.LSHR, 4).selectFrom(BIT_OF_HIGH))
                    .eq((byte) 0).toLong();
        };
    }

    private static int scalar(byte[] array, int from, int to, int kind, byte value) {
        return switch (kind) {
            case VALUE -> SCALAR.indexOf(array, from, to, value);
            case CONTROL -> SCALAR.indexOfControl(array, from, to);
            case NON_VISIBLE -> SCALAR.indexOfNonVisible(array, from, to);
            default -> SCALAR.indexOfNonTchar(array, from, to);
        };
    }

    private static long scalar(MemorySegment segment, long from, long to, int kind, byte value) {
        return switch (kind) {
            case VALUE -> SCALAR.indexOf(segment, from, to, value);
            case CONTROL -> SCALAR.indexOfControl(segment, from, to);
            case NON_VISIBLE -> SCALAR.indexOfNonVisible(segment, from, to);
            default -> SCALAR.indexOfNonTchar(segment, from, to);
        };
    }

    private static byte[] highNibbleBits() {
        byte[] lanes = new byte[LANES];
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = (i & 15) < 8 ? (byte) (1 << (i & 15)) : 0;
        }
        return lanes;
    }
}
