/**
 * Benchmarks of the {@code simd} module: {@link dev.wirelab.bench.simd.ChecksumBenchmark}
 * (the Internet checksum: straightforward loop, best scalar, the slow first vector try,
 * the vector kernel, and {@code CRC32C} as the production reference) and
 * {@link dev.wirelab.bench.simd.ScanBenchmark} (CRLF search and token validation). Method
 * names say {@code scalar} or {@code vector}; simd/README.md holds the measured table.
 */
package dev.wirelab.bench.simd;
