package dev.wirelab.bench.simd;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

import dev.wirelab.simd.AsciiSet;
import dev.wirelab.simd.ScalarKernels;
import dev.wirelab.simd.VectorKernels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/*
 * Finding the end of a line, and checking a token, a vector at a time.
 *
 * An HTTP parser spends its time looking for "\r\n" and checking that names are tokens.
 * The input here is a header block of the given size whose only CRLF is its last two
 * bytes, and whose first non-token byte is its last one: every kernel reads it all.
 *
 * BASELINE    baseline          the cost of the call itself
 * APPROACH 1  crlfScalarLoop    byte by byte
 * APPROACH 2  crlfScalarBest    SWAR: eight bytes per long, zero-byte bit tricks
 * APPROACH 3  crlfVector        two vector compares and a mask AND per 64 bytes
 *             tcharScalarLoop   the RFC 9110 grammar per byte
 *             tcharScalarBest   a 256-entry table per byte
 *             tcharVector       two nibble-table shuffles per 64 bytes (AsciiSet)
 * REFERENCE   crc32c            java.util.zip.CRC32C over the same bytes: an intrinsic
 *                               that touches every byte, for scale
 *
 * The goal (simd/README.md has the measured table): crlfVector at least 8x crlfScalarLoop
 * on 16 KiB.
 *
 * How to run:
 *   ./mvnw -B -o -q -pl bench -am package -DskipTests
 *   java --add-modules jdk.incubator.vector -jar bench/target/benchmarks.jar 'simd.Scan' -f 1 -wi 3 -i 5 -w 1s -r 1s
 */
public class ScanBenchmark extends SimdBenchmark {

    @Param({"1500", "16384"})
    int size;

    private byte[] line;
    private MemorySegment crlfData;
    private MemorySegment tokenData;
    private final CRC32C crc = new CRC32C();

    @Setup
    public void setUp() {
        // a long header value without CR or LF, then the line's CRLF
        String text = "x-forwarded-for: 203.0.113.7, 198.51.100.23; proto=https; ";
        line = new byte[size];
        byte[] pattern = text.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < size; i++) {
            line[i] = pattern[i % pattern.length];
        }
        line[size - 2] = '\r';
        line[size - 1] = '\n';
        crlfData = MemorySegment.ofArray(line);

        // a long token, then one space
        byte[] token = new byte[size];
        String members = AsciiSet.TCHAR.members();
        for (int i = 0; i < size; i++) {
            token[i] = (byte) members.charAt(i % members.length());
        }
        token[size - 1] = ' ';
        tokenData = MemorySegment.ofArray(token);
    }

    @Benchmark
    public long baseline() {
        return crlfData.byteSize();
    }

    @Benchmark
    public long crlfScalarLoop() {
        return ScalarKernels.indexOfCrlfLoop(crlfData, 0);
    }

    @Benchmark
    public long crlfScalarBest() {
        return ScalarKernels.indexOfCrlfBest(crlfData, 0);
    }

    @Benchmark
    public long crlfVector() {
        return VectorKernels.indexOfCrlf(crlfData, 0);
    }

    @Benchmark
    public long tcharScalarLoop() {
        return ScalarKernels.indexOfNonTcharLoop(tokenData, 0);
    }

    @Benchmark
    public long tcharScalarBest() {
        return ScalarKernels.indexOfNonMemberBest(tokenData, 0, AsciiSet.TCHAR);
    }

    @Benchmark
    public long tcharVector() {
        return VectorKernels.indexOfNonMember(tokenData, 0, AsciiSet.TCHAR);
    }

    @Benchmark
    public long crc32c() {
        crc.reset();
        crc.update(line, 0, size);
        return crc.getValue();
    }
}
