package dev.wirelab.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import dev.wirelab.core.checksum.InternetChecksum;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorSpecies;
import org.junit.jupiter.api.Test;

/** The public facades on the path this JVM selected (vector: surefire adds the module). */
class FacadeTest {

    private static final HexFormat HEX = HexFormat.of();

    /**
     * This test JVM runs with --add-modules jdk.incubator.vector; where the preferred species
     * has 128 bits or more, the vector path must be the one chosen and the one the facades call.
     */
    @Test
    void selectsTheVectorPathWhenTheModuleIsPresent() {
        assertTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(), "simd's tests add the module");
        int bits = ByteVector.SPECIES_PREFERRED.vectorBitSize();
        assumeTrue(bits >= SimdSupport.MIN_VECTOR_BITS, "this CPU/JVM prefers " + bits
                + "-bit vectors; the scalar choice below 128 bits is ScalarFallbackTest's MaxVectorSize=8 case");

        SimdSupport.Selection selection = SimdSupport.selection();

        assertEquals(SimdSupport.Path.VECTOR, selection.path(), SimdSupport.describe());
        assertEquals(bits, selection.vectorBits());
        assertEquals("vector path: preferred species " + bits + "-bit (" + bits / 8
                + " byte lanes) of jdk.incubator.vector", SimdSupport.describe());
        assertEquals("", selection.fix());
        assertEquals("VectorPath", SimdSupport.KERNELS.getClass().getSimpleName(), "the kernels the facades call");
    }

    /** RFC 1071's example, a real IPv4 header and a UDP datagram with its pseudo-header. */
    @Test
    void checksumsKnownPackets() {
        byte[] rfc = HEX.parseHex("0001f203f4f5f6f7");
        assertEquals(0xddf2, InternetChecksums.sum(rfc, 0, rfc.length));
        assertEquals(0x220d, InternetChecksums.checksum(rfc, 0, rfc.length));

        byte[] ipv4 = HEX.parseHex("450000730000400040110000c0a80001c0a800c7");
        assertEquals(0xb861, InternetChecksums.checksum(ipv4, 0, ipv4.length));

        ByteBuffer udp = ByteBuffer.allocateDirect(12).put(HEX.parseHex("3039d431000c000074657374")).flip();
        int checksum = new InternetChecksum()
                .updateIpv4PseudoHeader(0xC0A80001, 0xC0A800C7, 17, udp.remaining())
                .addPartialSum(InternetChecksums.sum(udp), udp.remaining())
                .checksum();
        assertEquals(0x9178, checksum);
        assertEquals(0, udp.position(), "sum(ByteBuffer) leaves the position alone");
    }

    /** byte[] slices, heap and direct buffers and native segments give the same sum as the reference. */
    @Test
    void checksumsEveryKindOfBufferAlike() {
        byte[] bytes = KernelEquivalenceTest.random(1501, 30);
        int expected = new InternetChecksum().update(bytes, 3, 1497).sum();
        assertEquals(expected, InternetChecksums.sum(bytes, 3, 1497));
        assertEquals(expected, InternetChecksums.sum(ByteBuffer.wrap(bytes, 3, 1497)));
        assertEquals(expected, InternetChecksums.sum(ByteBuffer.allocateDirect(1501).put(bytes).position(3).limit(1500)));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment segment = arena.allocate(1501).copyFrom(MemorySegment.ofArray(bytes));
            assertEquals(expected, InternetChecksums.sum(segment.asSlice(3, 1497)));
        }
    }

    /** Scans return absolute indices into the array, buffer or segment, and -1 when nothing is found. */
    @Test
    void scansReturnAbsoluteIndices() {
        byte[] request = "GET / HTTP/1.1\r\nHost: example.com\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        assertEquals(14, ByteScan.indexOfCrlf(request, 0, request.length));
        assertEquals(33, ByteScan.indexOfCrlf(request, 16, request.length));
        assertEquals(-1, ByteScan.indexOfCrlf(request, 16, 34), "a CR whose LF lies past 'to' is no CRLF");
        assertEquals(33, ByteScan.indexOfCrlf(ByteBuffer.wrap(request).position(16)));
        assertEquals(33, ByteScan.indexOfCrlf(MemorySegment.ofArray(request), 16));

        AsciiSet nameEnd = AsciiSet.of(":\r\n");
        assertEquals(20, ByteScan.indexOfAny(request, 16, request.length, nameEnd));
        assertEquals(20, ByteScan.indexOfAny(ByteBuffer.wrap(request).position(16), nameEnd));
        assertEquals(20, ByteScan.indexOfAny(MemorySegment.ofArray(request), 16, nameEnd));
        assertEquals(-1, ByteScan.indexOfAny(request, 0, 14, AsciiSet.of("\r\n")));
    }

    /** Token validation names the first byte that is not a tchar; a clean token gives -1. */
    @Test
    void validatesTokens() {
        byte[] name = "X-Request-Id".getBytes(StandardCharsets.US_ASCII);
        assertEquals(-1, ByteScan.indexOfNonTchar(name, 0, name.length));
        byte[] bad = "X-Req uest".getBytes(StandardCharsets.US_ASCII);
        assertEquals(5, ByteScan.indexOfNonTchar(bad, 0, bad.length));
        assertEquals(5, ByteScan.indexOfNonTchar(ByteBuffer.wrap(bad)));
        byte[] utf8 = "caf\u00e9".getBytes(StandardCharsets.UTF_8);
        assertEquals(3, ByteScan.indexOfNonMember(utf8, 0, utf8.length, AsciiSet.ASCII));
        assertEquals(-1, ByteScan.indexOfNonMember(ByteBuffer.wrap(utf8).limit(3), AsciiSet.ASCII));
        assertEquals(3, ByteScan.indexOfNonMember(MemorySegment.ofArray(utf8), 0, AsciiSet.ASCII));
    }

    /** Out-of-range arguments are refused, never read past. */
    @Test
    void rejectsRangesOutsideTheData() {
        byte[] bytes = new byte[10];
        assertThrows(IndexOutOfBoundsException.class, () -> ByteScan.indexOfCrlf(bytes, 5, 11));
        assertThrows(IndexOutOfBoundsException.class, () -> ByteScan.indexOfCrlf(MemorySegment.ofArray(bytes), 11));
        assertThrows(IndexOutOfBoundsException.class, () -> InternetChecksums.sum(bytes, 8, 3));
    }

    /**
     * The seed article's SSE2 snippet adds 16-bit lanes with a wrapping add: carries out of
     * a lane vanish. Written here with the Vector API, it gets all-ones data wrong; the
     * kernels keep carries by widening first.
     */
    @Test
    void sixteenBitLanesWithoutCarriesGiveAWrongChecksum() {
        byte[] ones = new byte[64];
        java.util.Arrays.fill(ones, (byte) 0xFF);
        assertEquals(0xFFFF, InternetChecksums.sum(ones, 0, ones.length));
        assertEquals(0xE7FF, carrylessSum(ones), "four wrapping adds of 0xFFFF leave 0xFFFC per lane: three carries lost in each");
    }

    /** The article's approach: wrapping 16-bit adds, then (correctly) folding the eight lanes. */
    private static int carrylessSum(byte[] data) {
        VectorSpecies<Short> species = ShortVector.SPECIES_128;
        ShortVector sum = ShortVector.zero(species);
        for (int i = 0; i + 16 <= data.length; i += 16) {
            sum = sum.add(ByteVector.fromArray(ByteVector.SPECIES_128, data, i).reinterpretAsShorts());
        }
        long wide = 0;
        for (int lane = 0; lane < species.length(); lane++) {
            wide += sum.lane(lane) & 0xFFFF;
        }
        return InternetChecksum.swapBytes(InternetChecksum.fold(wide));
    }
}
