package dev.wirelab.simd;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;

import dev.wirelab.core.checksum.InternetChecksum;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API kernels: the Internet checksum, the CRLF scan and byte-set scans, each
 * on the machine's preferred vector shape (512 bits = 64 bytes per step with AVX-512).
 *
 * <p><b>Loading this class needs {@code --add-modules jdk.incubator.vector}.</b> Without
 * it the JVM throws {@code NoClassDefFoundError} the moment this class is touched, so
 * nothing outside {@link SimdSupport}'s guarded probe, the benchmarks and the tests names
 * it; application code goes through {@link InternetChecksums} and {@link ByteScan}.
 *
 * <h2>What makes these fast (and what made the first try slow)</h2>
 * <ul>
 *   <li><b>Species in {@code static final} fields.</b> The JIT then knows the lane count
 *       and compiles every {@code Vector} operation to one instruction on registers. A
 *       vector kept in an array or an instance field, or a species only known at run time,
 *       makes it fall back to real objects: allocation and boxing in the hot loop.</li>
 *   <li><b>No lane conversion in the loop.</b> Bytes are reinterpreted, not converted:
 *       64 bytes become eight {@code long} lanes for free. A {@code convert}/{@code castShape}
 *       per step costs shuffles and splits one vector into several.</li>
 *   <li><b>Widening by masking, not by converting.</b> The checksum adds the two 32-bit
 *       halves of each 64-bit lane into 64-bit accumulators: an AND and a shift, and no
 *       carry is ever lost (the article's 16-bit {@code _mm_add_epi16} loses them).</li>
 *   <li><b>Reduce once.</b> Lanes are summed across ({@code reduceLanes}) after the loop,
 *       not in it.</li>
 *   <li><b>Masked tails.</b> The last partial vector is loaded with a mask; lanes past the
 *       end read as zero, which adds nothing to a sum and matches no delimiter.</li>
 * </ul>
 * {@link VectorChecksumFirstTry} keeps the slow version beside this one for the lesson.
 * Stateless and thread-safe.
 */
public final class VectorKernels {

    static final VectorSpecies<Byte> BYTES = ByteVector.SPECIES_PREFERRED;
    static final VectorSpecies<Long> LONGS = LongVector.SPECIES_PREFERRED;
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    /** Lane {@code h}: bit {@code h} for an ASCII high nibble (0..7), nothing for 8..15. */
    private static final ByteVector HIGH_NIBBLE_BITS = ByteVector.fromArray(BYTES, repeat16(new byte[] {
            1, 2, 4, 8, 16, 32, 64, (byte) 128, 0, 0, 0, 0, 0, 0, 0, 0}), 0);

    private VectorKernels() {
    }

    /** The preferred vector size in bits, for {@link SimdSupport}'s report. */
    static int preferredBits() {
        return BYTES.vectorBitSize();
    }

    // ---- Internet checksum --------------------------------------------------------------

    /** The folded 16-bit ones' complement sum of {@code data}, equal to {@link ScalarKernels#checksumLoop}. */
    public static int checksum(MemorySegment data) {
        long total = 0;
        for (long start = 0; start < data.byteSize(); start += ScalarKernels.CHUNK) {
            long n = Math.min(ScalarKernels.CHUNK, data.byteSize() - start);
            total += InternetChecksum.fold(littleEndianWideSum(data, start, start + n));
        }
        // the lanes summed little-endian words: swap once (RFC 1071 §2(B))
        return InternetChecksum.swapBytes(InternetChecksum.fold(total));
    }

    private static long littleEndianWideSum(MemorySegment data, long from, long to) {
        int step = LONGS.vectorByteSize();
        LongVector acc0 = LongVector.zero(LONGS);
        LongVector acc1 = LongVector.zero(LONGS);
        long i = from;
        // two vectors per step into two accumulators: the adds of one do not wait on the other
        for (; i + 2L * step <= to; i += 2L * step) {
            acc0 = addHalves(acc0, ByteVector.fromMemorySegment(BYTES, data, i, LE).reinterpretAsLongs());
            acc1 = addHalves(acc1, ByteVector.fromMemorySegment(BYTES, data, i + step, LE).reinterpretAsLongs());
        }
        // the tail, up to two vectors: masked byte loads read zeros past the end
        for (; i < to; i += step) {
            VectorMask<Byte> inRange = BYTES.indexInRange(i, to);
            ByteVector bytes = ByteVector.fromMemorySegment(BYTES, data, i, LE, inRange);
            acc0 = addHalves(acc0, bytes.reinterpretAsLongs());
        }
        return acc0.add(acc1).reduceLanes(VectorOperators.ADD);
    }

    /** {@code acc + (x & 0xFFFFFFFF) + (x >>> 32)} per lane: two 32-bit halves, each two 16-bit words. */
    private static LongVector addHalves(LongVector acc, LongVector x) {
        return acc.add(x.and(0xFFFF_FFFFL)).add(x.lanewise(VectorOperators.LSHR, 32));
    }

    // ---- CRLF scan -----------------------------------------------------------------------

    /**
     * The index of the first {@code "\r\n"} at or after {@code from}, or -1. Compares one
     * vector with CR and the same bytes shifted by one with LF; the AND of the two masks
     * marks each CRLF, and {@code firstTrue} is a count of trailing zeros of that mask.
     */
    public static long indexOfCrlf(MemorySegment data, long from) {
        long n = data.byteSize();
        int step = BYTES.length();
        long i = from;
        // whole vectors while the byte after the vector exists
        for (; i + step < n; i += step) {
            VectorMask<Byte> hits = ByteVector.fromMemorySegment(BYTES, data, i, LE).eq((byte) '\r')
                    .and(ByteVector.fromMemorySegment(BYTES, data, i + 1, LE).eq((byte) '\n'));
            if (hits.anyTrue()) {
                return i + hits.firstTrue();
            }
        }
        // the tail: masked loads; lanes past the end are zero and match neither byte
        if (i < n) {
            VectorMask<Byte> hits = ByteVector.fromMemorySegment(BYTES, data, i, LE, BYTES.indexInRange(i, n)).eq((byte) '\r')
                    .and(ByteVector.fromMemorySegment(BYTES, data, i + 1, LE, BYTES.indexInRange(i + 1, n)).eq((byte) '\n'));
            if (hits.anyTrue()) {
                return i + hits.firstTrue();
            }
        }
        return -1;
    }

    // ---- byte-set scans ------------------------------------------------------------------

    /** The first byte at or after {@code from} that is in {@code set}, or -1. */
    public static long indexOfAny(MemorySegment data, long from, AsciiSet set) {
        return scan(data, from, set, true);
    }

    /** The first byte at or after {@code from} that is not in {@code set}, or -1 (validation). */
    public static long indexOfNonMember(MemorySegment data, long from, AsciiSet set) {
        return scan(data, from, set, false);
    }

    private static long scan(MemorySegment data, long from, AsciiSet set, boolean wanted) {
        ByteVector lowTable = ByteVector.fromArray(BYTES, set.nibbleLanes(), 0);
        long n = data.byteSize();
        int step = BYTES.length();
        long i = from;
        for (; i + step <= n; i += step) {
            VectorMask<Byte> hits = membership(ByteVector.fromMemorySegment(BYTES, data, i, LE), lowTable);
            hits = wanted ? hits : hits.not();
            if (hits.anyTrue()) {
                return i + hits.firstTrue();
            }
        }
        if (i < n) {
            VectorMask<Byte> inRange = BYTES.indexInRange(i, n);
            VectorMask<Byte> hits = membership(ByteVector.fromMemorySegment(BYTES, data, i, LE, inRange), lowTable);
            // past the end every lane is 0, which must count neither as a member nor as a non-member
            hits = (wanted ? hits : hits.not()).and(inRange);
            if (hits.anyTrue()) {
                return i + hits.firstTrue();
            }
        }
        return -1;
    }

    /** Two nibble-table lookups per lane (see {@link AsciiSet}); a lane is a member if they share a bit. */
    private static VectorMask<Byte> membership(ByteVector bytes, ByteVector lowTable) {
        ByteVector low = bytes.and((byte) 0x0F).selectFrom(lowTable);
        ByteVector high = bytes.lanewise(VectorOperators.LSHR, 4).selectFrom(HIGH_NIBBLE_BITS);
        return low.and(high).compare(VectorOperators.NE, (byte) 0);
    }

    /** The 16 entries repeated to fill one vector (indices are 0..15, so only the first 16 lanes are read). */
    private static byte[] repeat16(byte[] table) {
        byte[] lanes = new byte[BYTES.length()];
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = table[i & 15];
        }
        return lanes;
    }
}
