/**
 * Vector API kernels for network code, with scalar fallbacks chosen at run time.
 *
 * <p>Start with the facades: {@link dev.wirelab.simd.InternetChecksums} (RFC 1071) and
 * {@link dev.wirelab.simd.ByteScan} (CRLF, delimiter sets, token and ASCII validation,
 * with sets described by {@link dev.wirelab.simd.AsciiSet}). They run on the path that
 * {@link dev.wirelab.simd.SimdSupport} picked when the JVM started, and
 * {@link dev.wirelab.simd.SimdSupport#describe()} says which and why.
 *
 * <p>Then the lesson: {@link dev.wirelab.simd.ScalarKernels} (the straightforward loops and
 * the best scalar Java), {@link dev.wirelab.simd.VectorKernels} (the fast vector versions)
 * and {@link dev.wirelab.simd.VectorChecksumFirstTry} (a correct but slow first attempt,
 * with what went wrong). The benchmarks in {@code dev.wirelab.bench.simd} measure them
 * side by side; the module README has the table.
 *
 * <p>Only {@code VectorKernels}, {@code VectorChecksumFirstTry} and the package-private
 * {@code VectorPath} name {@code jdk.incubator.vector} classes; every other class loads on
 * a JVM without the module.
 */
package dev.wirelab.simd;
