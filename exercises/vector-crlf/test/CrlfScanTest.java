package exercises.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

// The tests of exercise vector-crlf. Do not change this file: lab check runs it as it is.
class CrlfScanTest {

    private static int naive(byte[] data, int from, int to) {
        for (int i = from; i + 1 < to; i++) {
            if (data[i] == '\r' && data[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Finds the end of a request line, and -1 where there is none. */
    @Test
    void findsTheLineEnd() {
        byte[] line = "GET /index.html HTTP/1.1\r\nHost: a\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        assertEquals(24, CrlfScan.indexOfCrlf(line, 0, line.length));
        assertEquals(33, CrlfScan.indexOfCrlf(line, 25, line.length));
        assertEquals(-1, CrlfScan.indexOfCrlf(line, 0, 24));
    }

    /** A CR in the last lane of one vector with its LF in the first lane of the next is found. */
    @Test
    void findsACrlfAcrossTwoVectors() {
        int lanes = CrlfScan.SPECIES.length();
        byte[] data = new byte[4 * lanes];
        java.util.Arrays.fill(data, (byte) 'a');
        data[lanes - 1] = '\r';
        data[lanes] = '\n';
        assertEquals(lanes - 1, CrlfScan.indexOfCrlf(data, 0, data.length));
    }

    /** A CR whose LF lies at {@code to} or beyond is not a match; lone CRs are skipped. */
    @Test
    void respectsTheEndAndSkipsLoneCrs() {
        int lanes = CrlfScan.SPECIES.length();
        byte[] data = new byte[3 * lanes];
        java.util.Arrays.fill(data, (byte) '\r');
        data[2 * lanes + 3] = '\n';
        assertEquals(2 * lanes + 2, CrlfScan.indexOfCrlf(data, 0, data.length), "lone CRs before it must be skipped");
        assertEquals(-1, CrlfScan.indexOfCrlf(data, 0, 2 * lanes + 3), "the LF is outside [from, to)");
        assertEquals(-1, CrlfScan.indexOfCrlf(data, 0, lanes), "a CR in the last lane of the range has no LF inside it");
    }

    /** On 16 KiB request-like buffers it agrees with wirelab's own vector kernel, {@code simd}'s ByteScan. */
    @Test
    void agreesWithWirelabsByteScan() {
        Random random = new Random(6);
        byte[] data = new byte[16 * 1024];
        for (int round = 0; round < 200; round++) {
            java.util.Arrays.fill(data, (byte) 'x');
            int at = random.nextInt(data.length - 1);
            data[at] = '\r';
            data[at + 1] = '\n';
            data[random.nextInt(data.length)] = '\r';
            int from = random.nextInt(64);
            assertEquals(dev.wirelab.simd.ByteScan.indexOfCrlf(data, from, data.length), CrlfScan.indexOfCrlf(data, from, data.length),
                    "round " + round);
        }
    }

    /** Random CR/LF-rich data, every length and start: always the same answer as the one-byte loop. */
    @Test
    void agreesWithTheScalarLoop() {
        Random random = new Random(5);
        byte[] alphabet = {'a', 'b', '\r', '\n', '\r'};
        for (int round = 0; round < 3000; round++) {
            byte[] data = new byte[random.nextInt(300)];
            for (int i = 0; i < data.length; i++) {
                data[i] = random.nextInt(8) == 0 ? alphabet[2 + random.nextInt(3)] : alphabet[random.nextInt(2)];
            }
            int from = data.length == 0 ? 0 : random.nextInt(data.length);
            int to = from + random.nextInt(data.length - from + 1);
            assertEquals(naive(data, from, to), CrlfScan.indexOfCrlf(data, from, to), "round " + round + ", [" + from + ", " + to + ")");
        }
    }
}
