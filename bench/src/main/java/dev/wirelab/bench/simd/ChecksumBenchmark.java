package dev.wirelab.bench.simd;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;

import dev.wirelab.simd.ScalarKernels;
import dev.wirelab.simd.VectorChecksumFirstTry;
import dev.wirelab.simd.VectorKernels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/*
 * How fast can Java add up 16-bit words?
 *
 * The Internet checksum is the simplest possible data-parallel job: every 16-bit word of a
 * packet is added, in any order, and the carries are added back at the end. The seed
 * article uses it to show SIMD; this benchmark measures what the JVM makes of it.
 *
 * BASELINE    baseline          the cost of the call itself
 * APPROACH 1  scalarLoop        two bytes per step: core's reference
 * APPROACH 2  scalarBest        eight bytes per read, 32-bit halves into 64-bit sums
 * APPROACH 3  vectorFirstTry    the Vector API used naively (see VectorChecksumFirstTry)
 * APPROACH 4  vector            the Vector API used well (VectorKernels.checksum)
 *             vectorNative      the same kernel over native memory (a direct ByteBuffer's)
 * REFERENCE   crc32c            java.util.zip.CRC32C, a JDK intrinsic (a stronger check,
 *                               hardware-assisted): what "production speed" looks like
 *
 * The goals (simd/README.md has the measured table): vector at least 6x scalarLoop and 3x
 * scalarBest on 64 KiB, at least 2x scalarBest on 1500 bytes (one Ethernet MTU).
 *
 * How to run:
 *   ./mvnw -B -o -q -pl bench -am package -DskipTests
 *   java --add-modules jdk.incubator.vector -jar bench/target/benchmarks.jar 'simd.Checksum' -f 1 -wi 3 -i 5 -w 1s -r 1s
 */
public class ChecksumBenchmark extends SimdBenchmark {

    @Param({"64", "1500", "65536"})
    int size;

    private byte[] bytes;
    private MemorySegment heap;
    private MemorySegment offHeap;
    private Arena arena;
    private final CRC32C crc = new CRC32C();

    @Setup
    public void setUp() {
        bytes = new byte[size];
        new SplittableRandom(42).nextBytes(bytes);
        heap = MemorySegment.ofArray(bytes);
        arena = Arena.ofConfined();
        offHeap = arena.allocate(size, 64).copyFrom(heap);
    }

    @TearDown
    public void tearDown() {
        arena.close();
    }

    @Benchmark
    public long baseline() {
        return heap.byteSize();
    }

    @Benchmark
    public int scalarLoop() {
        return ScalarKernels.checksumLoop(heap);
    }

    @Benchmark
    public int scalarBest() {
        return ScalarKernels.checksumBest(heap);
    }

    @Benchmark
    public int vectorFirstTry() {
        return VectorChecksumFirstTry.checksum(heap);
    }

    @Benchmark
    public int vector() {
        return VectorKernels.checksum(heap);
    }

    @Benchmark
    public int vectorNative() {
        return VectorKernels.checksum(offHeap);
    }

    @Benchmark
    public long crc32c() {
        crc.reset();
        crc.update(bytes, 0, size);
        return crc.getValue();
    }
}
