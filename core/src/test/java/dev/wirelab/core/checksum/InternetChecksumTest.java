package dev.wirelab.core.checksum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class InternetChecksumTest {

    private static final HexFormat HEX = HexFormat.of();

    /**
     * An oracle written differently from the class under test: one word at a time, with the
     * end-around carry applied immediately instead of folded at the end.
     */
    static int oracleSum(byte[] data, int offset, int length) {
        int s = 0;
        for (int i = 0; i < length; i += 2) {
            int hi = data[offset + i] & 0xFF;
            int lo = i + 1 < length ? data[offset + i + 1] & 0xFF : 0;
            s += (hi << 8) | lo;
            if (s > 0xFFFF) {
                s -= 0xFFFF; // drop bit 16, add it back at bit 0
            }
        }
        return s;
    }

    /** RFC 1071 section 3's worked example: sum ddf2, checksum 220d. */
    @Test
    void matchesTheRfc1071WorkedExample() {
        byte[] data = HEX.parseHex("0001f203f4f5f6f7");
        InternetChecksum c = new InternetChecksum().update(data);
        assertEquals(0xddf2, c.sum());
        assertEquals(0x220d, c.checksum());
    }

    /** A real IPv4 header (192.168.0.1 -> 192.168.0.199, UDP) carries checksum b861. */
    @Test
    void computesAndVerifiesARealIpv4HeaderChecksum() {
        byte[] header = HEX.parseHex("450000730000400040110000c0a80001c0a800c7");
        assertEquals(0xb861, InternetChecksum.checksum(header, 0, header.length));

        header[10] = (byte) 0xb8;
        header[11] = 0x61;
        assertTrue(InternetChecksum.verifies(header, 0, header.length));
        header[15] ^= 1; // one flipped bit in the source address
        assertFalse(InternetChecksum.verifies(header, 0, header.length));
    }

    /**
     * A UDP datagram 12345 -> 54321 carrying "test" between 192.168.0.1 and 192.168.0.199:
     * with the pseudo-header its checksum is 9178 (the same vector libpnet's UDP test uses).
     */
    @Test
    void computesAUdpChecksumOverThePseudoHeader() {
        byte[] udp = HEX.parseHex("3039d431000c0000" + "74657374");
        int checksum = new InternetChecksum()
                .updateIpv4PseudoHeader(0xC0A80001, 0xC0A800C7, 17, udp.length)
                .update(udp)
                .checksum();
        assertEquals(0x9178, checksum);

        udp[6] = (byte) 0x91;
        udp[7] = 0x78;
        int received = new InternetChecksum()
                .updateIpv4PseudoHeader(0xC0A80001, 0xC0A800C7, 17, udp.length)
                .update(udp)
                .sum();
        assertEquals(0xFFFF, received, "a receiver summing everything must get all ones");
    }

    /** A trailing odd byte is the high half of a zero-padded word. */
    @Test
    void padsATrailingOddByteOnTheRight() {
        assertEquals(0xAB00, new InternetChecksum().update(new byte[] {(byte) 0xAB}).sum());
        assertEquals(0x0000, new InternetChecksum().update(new byte[0]).sum());
    }

    /** Carries out of bit 15 come back in at bit 0: ffff + 0001 is 0001, not 0000. */
    @Test
    void addsCarriesBackIn() {
        assertEquals(0x0001, new InternetChecksum().update(HEX.parseHex("ffff0001")).sum());
        assertEquals(0xFFFF, new InternetChecksum().update(new byte[4096]).update(filled(4096, 0xFF)).sum());
        assertEquals(0x0002, InternetChecksum.fold(0xFFFF_0001L + 0x0001L));
        assertEquals(0xFFFF, InternetChecksum.fold(-1L), "all-ones 64 bits fold to all-ones 16");
    }

    /**
     * Splitting a message at any point, into two or three slices of any parity, gives the
     * checksum of the whole: odd lengths are carried between slices.
     */
    @Test
    void givesTheSameSumForEverySplitOfTheMessage() {
        byte[] data = random(97, 1);
        int whole = oracleSum(data, 0, data.length);
        for (int a = 0; a <= data.length; a++) {
            for (int b = a; b <= data.length; b += 7) {
                int split = new InternetChecksum()
                        .update(data, 0, a)
                        .update(data, a, b - a)
                        .update(data, b, data.length - b)
                        .sum();
                assertEquals(whole, split, "split at " + a + " and " + b);
            }
        }
    }

    /** Random data at any offset and length agrees with the word-by-word oracle. */
    @Test
    void agreesWithTheOracleAtAnyOffsetAndLength() {
        byte[] data = random(600, 2);
        for (int offset = 0; offset < 9; offset++) {
            for (int length = 0; length + offset <= data.length; length += 13) {
                assertEquals(oracleSum(data, offset, length),
                        new InternetChecksum().update(data, offset, length).sum(),
                        "offset " + offset + " length " + length);
            }
        }
    }

    /** Heap, direct and read-only buffers give the same sum and end with position at limit. */
    @Test
    void readsHeapDirectAndReadOnlyBuffersFromPositionToLimit() {
        byte[] data = random(301, 3);
        int expected = oracleSum(data, 5, 290);
        ByteBuffer heap = ByteBuffer.wrap(data).position(5).limit(295);
        ByteBuffer direct = ByteBuffer.allocateDirect(data.length).put(data).position(5).limit(295);
        ByteBuffer readOnly = ByteBuffer.wrap(data).asReadOnlyBuffer().position(5).limit(295);
        for (ByteBuffer buffer : new ByteBuffer[] {heap, direct, readOnly}) {
            assertEquals(expected, new InternetChecksum().update(buffer).sum(), buffer.toString());
            assertEquals(295, buffer.position(), "position moves to the limit");
        }
    }

    /** Native memory (an Arena segment) is summed like a byte array. */
    @Test
    void readsNativeSegments() {
        byte[] data = random(1501, 4);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment segment = arena.allocate(data.length);
            MemorySegment.copy(data, 0, segment, java.lang.foreign.ValueLayout.JAVA_BYTE, 0, data.length);
            assertEquals(oracleSum(data, 0, data.length), new InternetChecksum().update(segment).sum());
            assertEquals(oracleSum(data, 1, 700), InternetChecksum.sumOf(segment.asSlice(1, 700)));
        }
    }

    /** A slice sum computed elsewhere merges as if its bytes had been passed in. */
    @Test
    void mergesPartialSumsWithTheirParity() {
        byte[] data = random(64, 5);
        int first = InternetChecksum.sumOf(MemorySegment.ofArray(data).asSlice(0, 13));
        int second = InternetChecksum.sumOf(MemorySegment.ofArray(data).asSlice(13, 51));
        int merged = new InternetChecksum().addPartialSum(first, 13).addPartialSum(second, 51).sum();
        assertEquals(oracleSum(data, 0, 64), merged);
    }

    /** reset() forgets both the sum and an odd length carried from the last message. */
    @Test
    void resetForgetsSumAndParity() {
        InternetChecksum c = new InternetChecksum().update(new byte[] {1, 2, 3});
        c.reset().update(HEX.parseHex("0001f203f4f5f6f7"));
        assertEquals(0x220d, c.checksum());
    }

    /** Out-of-range slices and non-16-bit partial sums are refused with a message. */
    @Test
    void rejectsOutOfRangeSlicesAndWidePartialSums() {
        InternetChecksum c = new InternetChecksum();
        assertThrows(IndexOutOfBoundsException.class, () -> c.update(new byte[4], 3, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> c.addPartialSum(0x1_0000, 2));
        assertTrue(e.getMessage().contains("16-bit"), e.getMessage());
    }

    @Test
    void swapsBytesOfAWord() {
        assertEquals(0xCDAB, InternetChecksum.swapBytes(0xABCD));
    }

    static byte[] random(int length, long seed) {
        byte[] data = new byte[length];
        new SplittableRandom(seed).nextBytes(data);
        return data;
    }

    private static byte[] filled(int length, int value) {
        byte[] data = new byte[length];
        java.util.Arrays.fill(data, (byte) value);
        return data;
    }
}
