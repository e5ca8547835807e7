package exercises.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import dev.wirelab.core.checksum.InternetChecksum;
import org.junit.jupiter.api.Test;

// The tests of exercise vector-checksum. Do not change this file: lab check runs it as it is.
class VectorChecksumTest {

    /** RFC 1071's worked example: the words 0001 f203 f4f5 f6f7 sum to ddf2, so the checksum is 220d. */
    @Test
    void matchesTheRfcExample() {
        byte[] data = {0x00, 0x01, (byte) 0xf2, 0x03, (byte) 0xf4, (byte) 0xf5, (byte) 0xf6, (byte) 0xf7};
        assertEquals(0x220d, VectorChecksum.checksum(data, 0, data.length));
    }

    /** An odd last byte is the high half of a word: {@code ab} sums like {@code ab00}. */
    @Test
    void oddLastByteIsTheHighHalf() {
        byte[] data = {(byte) 0xab};
        assertEquals(~0xab00 & 0xFFFF, VectorChecksum.checksum(data, 0, 1));
    }

    /** Every length from 0 to 300 at four offsets agrees with wirelab's scalar checksum: the tail is right whatever its size. */
    @Test
    void agreesWithTheScalarChecksumForEveryTail() {
        Random random = new Random(3);
        byte[] data = new byte[400];
        for (int length = 0; length <= 300; length++) {
            for (int offset = 0; offset < 4; offset++) {
                random.nextBytes(data);
                assertEquals(InternetChecksum.checksum(data, offset, length), VectorChecksum.checksum(data, offset, length),
                        "length " + length + ", offset " + offset + " (vector size " + VectorChecksum.BYTES.vectorByteSize() + " bytes)");
            }
        }
    }

    /** Packet-sized and large inputs, all 0xFF bytes included (the most carries). */
    @Test
    void agreesOnPacketSizesAndWorstCaseCarries() {
        Random random = new Random(4);
        for (int length : new int[] {1499, 1500, 1501, 9001, 65_536}) {
            byte[] data = new byte[length + 1];
            random.nextBytes(data);
            assertEquals(InternetChecksum.checksum(data, 1, length), VectorChecksum.checksum(data, 1, length), "length " + length);
            assertEquals(dev.wirelab.simd.InternetChecksums.checksum(data, 1, length), VectorChecksum.checksum(data, 1, length),
                    "length " + length + ", against simd's InternetChecksums");
            java.util.Arrays.fill(data, (byte) 0xFF);
            assertEquals(InternetChecksum.checksum(data, 0, length), VectorChecksum.checksum(data, 0, length), "all 0xFF, length " + length);
        }
    }
}
