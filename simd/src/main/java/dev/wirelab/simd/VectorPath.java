package dev.wirelab.simd;

import java.lang.foreign.MemorySegment;

/**
 * The Vector API kernels behind the {@link Kernels} interface. {@link SimdSupport} loads
 * this class by name, and only after checking that {@code jdk.incubator.vector} is in the
 * boot layer, so a JVM started without {@code --add-modules jdk.incubator.vector} never
 * links it (and never sees a {@code NoClassDefFoundError}).
 */
final class VectorPath implements Kernels {

    @Override
    public int checksum(MemorySegment data) {
        return VectorKernels.checksum(data);
    }

    @Override
    public long indexOfCrlf(MemorySegment data, long from) {
        return VectorKernels.indexOfCrlf(data, from);
    }

    @Override
    public long indexOfAny(MemorySegment data, long from, AsciiSet set) {
        return VectorKernels.indexOfAny(data, from, set);
    }

    @Override
    public long indexOfNonMember(MemorySegment data, long from, AsciiSet set) {
        return VectorKernels.indexOfNonMember(data, from, set);
    }

    @Override
    public int vectorBits() {
        return VectorKernels.preferredBits();
    }
}
