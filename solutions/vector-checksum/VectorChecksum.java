package exercises.simd;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/* Reference solution for vector-checksum: whole words high byte first, then the odd byte as a high half. */
public final class VectorChecksum {

    static final VectorSpecies<Byte> BYTES = ByteVector.SPECIES_PREFERRED;
    static final VectorSpecies<Long> LONGS = BYTES.withLanes(long.class);
    private static final long LOW32 = 0xFFFF_FFFFL;

    private VectorChecksum() {
    }

    /** The Internet checksum of {@code data[offset, offset + length)}. */
    public static int checksum(byte[] data, int offset, int length) {
        int end = offset + length;
        int step = BYTES.vectorByteSize();
        int bound = offset + (length / step) * step;   // the vector part: whole vectors only
        long sum = swapBytes(fold(vectorPart(data, offset, bound)));
        sum = tail(data, bound, end, sum);
        return ~fold(sum) & 0xFFFF;
    }

    /**
     * Adds {@code data[from, to)} to {@code sum} as big-endian 16-bit words; an odd last byte
     * counts as the high byte of a word whose low byte is zero. Returns the new sum (unfolded).
     */
    static long tail(byte[] data, int from, int to, long sum) {
        int i = from;
        for (; i + 1 < to; i += 2) {
            sum += ((data[i] & 0xFF) << 8) | (data[i + 1] & 0xFF);
        }
        if (i < to) {
            sum += (data[i] & 0xFF) << 8;
        }
        return sum;
    }

    /** The sum of the little-endian 16-bit words of {@code data[from, to)}, a whole number of vectors. */
    static long vectorPart(byte[] data, int from, int to) {
        MemorySegment segment = MemorySegment.ofArray(data);
        LongVector acc = LongVector.zero(LONGS);
        for (int i = from; i < to; i += BYTES.vectorByteSize()) {
            // each 64-bit lane holds four words; adding its two 32-bit halves loses no carry
            LongVector x = ByteVector.fromMemorySegment(BYTES, segment, i, ByteOrder.LITTLE_ENDIAN).reinterpretAsLongs();
            acc = acc.add(x.and(LOW32)).add(x.lanewise(VectorOperators.LSHR, 32));
        }
        return acc.reduceLanes(VectorOperators.ADD);
    }

    /** Adds the carries back in until the sum fits in 16 bits (the end-around carry). */
    static int fold(long wide) {
        long s = wide;
        while ((s >>> 16) != 0) {
            s = (s & 0xFFFF) + (s >>> 16);
        }
        return (int) s;
    }

    static int swapBytes(int sum16) {
        return ((sum16 & 0xFF) << 8) | ((sum16 >>> 8) & 0xFF);
    }
}
