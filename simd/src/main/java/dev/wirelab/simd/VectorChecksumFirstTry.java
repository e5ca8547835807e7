package dev.wirelab.simd;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;

import dev.wirelab.core.checksum.InternetChecksum;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * A first try at a Vector API checksum, kept as a lesson: it is <em>correct</em> (the tests
 * hold it to the reference) and it is <em>slow</em>, slower than the scalar loop it was
 * meant to beat. Every line looks reasonable; the benchmark ({@code
 * ChecksumBenchmark.vectorFirstTry}) shows what each costs. Compare with
 * {@link VectorKernels#checksum}.
 *
 * <ol>
 *   <li><b>The species lives in a mutable field.</b> It "might change", so the JIT cannot
 *       treat the lane count as a constant, cannot replace the {@code Vector} objects by
 *       registers, and runs the generic Java fallback: every {@code fromMemorySegment},
 *       {@code convert} and {@code add} allocates an object and loops over lanes. This one
 *       mistake costs more than all the others together. Species belong in
 *       {@code static final} fields.</li>
 *   <li><b>128 bits, as in the seed article's SSE2 snippet.</b> 16 bytes per step where the
 *       machine offers 64 (AVX-512): a quarter of the work per instruction.</li>
 *   <li><b>Lanes converted in the loop.</b> To keep the carries that a 16-bit add would lose
 *       (the article's bug), each {@code short} vector is widened to two {@code int}
 *       vectors with {@code convert(ZERO_EXTEND_S2I, part)}: two conversions and shuffles
 *       per step. Reinterpreting as {@code long}s and masking halves costs one AND and one
 *       shift.</li>
 *   <li><b>Byte swapped on every load.</b> Reading big-endian words "to match the RFC"
 *       adds a shuffle per step; RFC 1071 §2(B) says one swap of the final sum is enough.</li>
 *   <li><b>Reduced in the loop.</b> {@code reduceLanes} every step turns a vertical add
 *       (one instruction) into a horizontal one (a log2(lanes) chain) and serializes the
 *       loop on the scalar {@code sum}.</li>
 *   <li><b>A byte-by-byte tail.</b> Harmless at 64 KiB, noticeable at 40-byte headers.</li>
 * </ol>
 * Memory bandwidth is not the limit here: 64 KiB stays in the L2 cache, and the fast
 * kernel reads it many times faster than this one does.
 */
public final class VectorChecksumFirstTry {

    /** Mistakes 1 and 2: not final, and fixed at 128 bits. */
    private static VectorSpecies<Short> words = ShortVector.SPECIES_128;

    private VectorChecksumFirstTry() {
    }

    /** The folded 16-bit ones' complement sum of {@code data} (correct, slow). */
    public static int checksum(MemorySegment data) {
        long n = data.byteSize();
        int step = words.vectorByteSize();
        long sum = 0;
        long i = 0;
        for (; i + step <= n; i += step) {
            // mistake 4: big-endian load, a byte swap per step
            ShortVector v = ShortVector.fromMemorySegment(words, data, i, ByteOrder.BIG_ENDIAN);
            // mistake 3: widen by converting lanes, inside the loop
            IntVector low = (IntVector) v.convert(VectorOperators.ZERO_EXTEND_S2I, 0);
            IntVector high = (IntVector) v.convert(VectorOperators.ZERO_EXTEND_S2I, 1);
            // mistake 5: a horizontal reduction every step
            sum += low.add(high).reduceLanes(VectorOperators.ADD);
        }
        // mistake 6: the tail byte by byte, big-endian words counted from the start
        for (; i < n; i++) {
            int b = data.get(java.lang.foreign.ValueLayout.JAVA_BYTE, i) & 0xFF;
            sum += (i & 1) == 0 ? b << 8 : b;
        }
        return InternetChecksum.fold(sum);
    }
}
