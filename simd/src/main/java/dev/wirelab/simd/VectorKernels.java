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
 *       64 bytes become eight {@code long} lanes for free, where a {@code convert} per step
 *       costs shuffles and splits one vector into several. They are loaded as bytes, the
 *       segment's own element type: a {@code LongVector} load from a {@code byte[]}-backed
 *       heap segment was measured several times slower on JDK 25.</li>
 *   <li><b>Widening by masking, not by converting.</b> The checksum adds the two 32-bit
 *       halves of each 64-bit lane into 64-bit accumulators: an AND and a shift, and no
 *       carry is ever lost (the article's 16-bit {@code _mm_add_epi16} loses them).</li>
 *   <li><b>No vector crosses a call.</b> A helper that takes or returns a {@code Vector}
 *       or {@code VectorMask} works while the JIT inlines it, but when the caller grows
 *       too big ({@code NodeCountInliningCutoff}, seen with {@code -XX:+PrintInlining}
 *       once JMH inlined the whole kernel into its loop) the call stays, and every vector
 *       passed through it becomes a heap object: the 1500-byte checksum went from 26 ns
 *       to 250 ns mid-run. Vector code stays inside one method; helpers return {@code int}s.</li>
 *   <li><b>Reduce once.</b> Lanes are summed across ({@code reduceLanes}) after the loop,
 *       not in it.</li>
 *   <li><b>Tails without masks.</b> The scans finish with one more full vector that ends
 *       exactly at the end of the data and overlaps bytes already searched (they held no
 *       match, so any hit is new); the checksum cannot count bytes twice, so it reads its
 *       last partial vector as a full vector ending at the end, with the lanes it already
 *       counted zeroed (see {@code tailSum}). A masked load would read the tail
 *       elegantly, and is cheap on native memory with AVX-512, but on JDK 25 a masked load
 *       that reaches past the end of a heap segment was measured about 7x slower than the
 *       whole 1500-byte checksum around it; without AVX-512 or SVE masked byte loads are
 *       emulated everywhere. Inputs shorter than one vector go to the scalar kernels.</li>
 * </ul>
 * {@link VectorChecksumFirstTry} keeps the slow version beside this one for the lesson.
 * Stateless and thread-safe.
 */
public final class VectorKernels {

    static final VectorSpecies<Byte> BYTES = ByteVector.SPECIES_PREFERRED;
    static final VectorSpecies<Long> LONGS = BYTES.withLanes(long.class);
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
    private static final long LOW32 = 0xFFFF_FFFFL;
    private static final byte CR = '\r';
    private static final byte LF = '\n';

    /** Lane {@code h}: bit {@code h} for an ASCII high nibble (0..7), nothing for 8..15. */
    private static final ByteVector HIGH_NIBBLE_BITS = ByteVector.fromArray(BYTES, highNibbleLanes(), 0);

    /** 0, 1, 2, ... in lane order: compared with k, it masks the first k lanes. */
    private static final ByteVector LANE_NUMBERS = ByteVector.fromArray(BYTES, laneNumbers(), 0);

    private VectorKernels() {
    }

    private static byte[] laneNumbers() {
        byte[] lanes = new byte[BYTES.length()];
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = (byte) i;
        }
        return lanes;
    }

    private static byte[] highNibbleLanes() {
        byte[] lanes = new byte[BYTES.length()];
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = (i & 15) < 8 ? (byte) (1 << (i & 15)) : 0;
        }
        return lanes;
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
            total += littleEndianSum(data, start, Math.min(data.byteSize(), start + ScalarKernels.CHUNK));
        }
        // the lanes summed little-endian words: swap once (RFC 1071 §2(B))
        return InternetChecksum.swapBytes(InternetChecksum.fold(total));
    }

    /** The folded sum of the little-endian words of {@code data[from, to)}, words counted from {@code from}. */
    private static int littleEndianSum(MemorySegment data, long from, long to) {
        int step = BYTES.vectorByteSize();
        if (to - from < step) {
            // shorter than one vector: nothing to vectorize
            return InternetChecksum.fold(ScalarKernels.littleEndianWideSum(data, from, to));
        }
        LongVector acc0 = LongVector.zero(LONGS);
        LongVector acc1 = LongVector.zero(LONGS);
        long i = from;
        // two vectors per step into two accumulators: the adds of one do not wait on the other.
        // Each 64-bit lane adds its two 32-bit halves (each two 16-bit words): no carry is lost.
        for (; i + 2L * step <= to; i += 2L * step) {
            LongVector x = ByteVector.fromMemorySegment(BYTES, data, i, LE).reinterpretAsLongs();
            LongVector y = ByteVector.fromMemorySegment(BYTES, data, i + step, LE).reinterpretAsLongs();
            acc0 = acc0.add(x.and(LOW32)).add(x.lanewise(VectorOperators.LSHR, 32));
            acc1 = acc1.add(y.and(LOW32)).add(y.lanewise(VectorOperators.LSHR, 32));
        }
        if (i + step <= to) {
            LongVector x = ByteVector.fromMemorySegment(BYTES, data, i, LE).reinterpretAsLongs();
            acc0 = acc0.add(x.and(LOW32)).add(x.lanewise(VectorOperators.LSHR, 32));
            i += step;
        }
        int sum = InternetChecksum.fold(acc0.add(acc1).reduceLanes(VectorOperators.ADD));
        return i == to ? sum : InternetChecksum.fold((long) sum + tailSum(data, i, to));
    }

    /**
     * The bytes {@code [i, to)}, fewer than one vector, summed with one full vector that ends
     * at {@code to}. Its first {@code k = i - (to - step)} lanes were counted already and are
     * zeroed. If {@code k} is odd the vector starts in the middle of a word, so every byte
     * sits in the other half of its word: the sum comes out byte-swapped, and one swap puts
     * it right (RFC 1071 §2(B) again). Needs {@code to - step >= from}.
     */
    private static int tailSum(MemorySegment data, long i, long to) {
        long last = to - BYTES.vectorByteSize();
        int counted = (int) (i - last);
        ByteVector fresh = ByteVector.fromMemorySegment(BYTES, data, last, LE)
                .blend((byte) 0, LANE_NUMBERS.compare(VectorOperators.ULT, (byte) counted));
        LongVector x = fresh.reinterpretAsLongs();
        int sum = InternetChecksum.fold(x.and(LOW32).add(x.lanewise(VectorOperators.LSHR, 32))
                .reduceLanes(VectorOperators.ADD));
        return (counted & 1) == 0 ? sum : InternetChecksum.swapBytes(sum);
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
        // two vectors per step, one branch for both: most windows hold no CRLF
        for (; i + 2L * step < n; i += 2L * step) {
            VectorMask<Byte> first = ByteVector.fromMemorySegment(BYTES, data, i, LE).eq(CR)
                    .and(ByteVector.fromMemorySegment(BYTES, data, i + 1, LE).eq(LF));
            VectorMask<Byte> second = ByteVector.fromMemorySegment(BYTES, data, i + step, LE).eq(CR)
                    .and(ByteVector.fromMemorySegment(BYTES, data, i + step + 1, LE).eq(LF));
            if (first.or(second).anyTrue()) {
                return first.anyTrue() ? i + first.firstTrue() : i + step + second.firstTrue();
            }
        }
        // whole vectors while the byte after the vector exists
        for (; i + step < n; i += step) {
            int lane = firstCrlfLane(data, i);
            if (lane < step) {
                return i + lane;
            }
        }
        if (i + 1 >= n) {
            return -1;
        }
        // the tail: one last window that ends at the end of the data and overlaps what was
        // already searched (no CRLF starts there, so any hit is a new one)
        long last = n - step - 1;
        if (last >= from) {
            int lane = firstCrlfLane(data, last);
            return lane < step ? last + lane : -1;
        }
        // shorter than one vector from the start: the scalar kernel
        return ScalarKernels.indexOfCrlfBest(data, i);
    }

    /**
     * The first lane k with CR at data[at + k] and LF at data[at + k + 1], or the lane count
     * if none. Returns an {@code int}, not a mask: see "No vector crosses a call" above.
     */
    private static int firstCrlfLane(MemorySegment data, long at) {
        return ByteVector.fromMemorySegment(BYTES, data, at, LE).eq(CR)
                .and(ByteVector.fromMemorySegment(BYTES, data, at + 1, LE).eq(LF))
                .firstTrue();
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
        long n = data.byteSize();
        int step = BYTES.length();
        long i = from;
        for (; i + step <= n; i += step) {
            int lane = firstMatchLane(data, i, set, wanted);
            if (lane < step) {
                return i + lane;
            }
        }
        if (i == n) {
            return -1;
        }
        // the tail: one last window ending at the end of the data, overlapping bytes that
        // already held no match
        long last = n - step;
        if (last >= from) {
            int lane = firstMatchLane(data, last, set, wanted);
            return lane < step ? last + lane : -1;
        }
        // shorter than one vector from the start: the scalar kernel
        return wanted ? ScalarKernels.indexOfAnyBest(data, i, set) : ScalarKernels.indexOfNonMemberBest(data, i, set);
    }

    /**
     * The first lane at {@code at} whose byte is (or, if not {@code wanted}, is not) in the
     * set, or the lane count if none. Two nibble-table lookups per lane (see {@link AsciiSet}):
     * a byte is a member when the two looked-up bytes share a bit.
     */
    private static int firstMatchLane(MemorySegment data, long at, AsciiSet set, boolean wanted) {
        ByteVector bytes = ByteVector.fromMemorySegment(BYTES, data, at, LE);
        ByteVector low = bytes.and((byte) 0x0F).selectFrom(ByteVector.fromArray(BYTES, set.nibbleLanes(), 0));
        ByteVector high = bytes.lanewise(VectorOperators.LSHR, 4).selectFrom(HIGH_NIBBLE_BITS);
        VectorMask<Byte> members = low.and(high).compare(VectorOperators.NE, (byte) 0);
        return (wanted ? members : members.not()).firstTrue();
    }
}
