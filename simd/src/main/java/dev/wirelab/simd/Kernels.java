package dev.wirelab.simd;

import java.lang.foreign.MemorySegment;

/**
 * The operations that have a scalar and a vector implementation. {@link SimdSupport} picks
 * one implementation when it is initialized; the facades ({@link InternetChecksums},
 * {@link ByteScan}) call it through a {@code static final} field, which the JIT sees as a
 * constant: after warm-up the call is direct and inlined, as if there were no choice.
 */
interface Kernels {

    /** The folded 16-bit ones' complement sum of {@code data}. */
    int checksum(MemorySegment data);

    /** The first {@code "\r\n"} at or after {@code from}, or -1. */
    long indexOfCrlf(MemorySegment data, long from);

    /** The first byte at or after {@code from} that is in {@code set}, or -1. */
    long indexOfAny(MemorySegment data, long from, AsciiSet set);

    /** The first byte at or after {@code from} that is not in {@code set}, or -1. */
    long indexOfNonMember(MemorySegment data, long from, AsciiSet set);

    /** The vector size these kernels use, in bits; 0 for the scalar ones. */
    int vectorBits();
}
