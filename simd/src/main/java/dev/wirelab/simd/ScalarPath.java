package dev.wirelab.simd;

import java.lang.foreign.MemorySegment;

/** The fallback: the best scalar kernels. Never touches {@code jdk.incubator.vector}. */
final class ScalarPath implements Kernels {

    @Override
    public int checksum(MemorySegment data) {
        return ScalarKernels.checksumBest(data);
    }

    @Override
    public long indexOfCrlf(MemorySegment data, long from) {
        return ScalarKernels.indexOfCrlfBest(data, from);
    }

    @Override
    public long indexOfAny(MemorySegment data, long from, AsciiSet set) {
        return ScalarKernels.indexOfAnyBest(data, from, set);
    }

    @Override
    public long indexOfNonMember(MemorySegment data, long from, AsciiSet set) {
        return ScalarKernels.indexOfNonMemberBest(data, from, set);
    }

    @Override
    public int vectorBits() {
        return 0;
    }
}
