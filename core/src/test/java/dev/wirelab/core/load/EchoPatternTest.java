package dev.wirelab.core.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EchoPatternTest {

    private static ByteBuffer bytes(int connection, long position, int length) {
        ByteBuffer b = ByteBuffer.allocate(length);
        EchoPattern.copy(connection, position, length, b);
        return b;
    }

    /** What was sent verifies as itself, also where the stream wraps around the table. */
    @ParameterizedTest
    @ValueSource(longs = {0, 12_345, EchoPattern.PERIOD - 100, 5L * EchoPattern.PERIOD + 7})
    void bytesSentVerifyAtTheirOwnPosition(long position) {
        int length = 1000;
        ByteBuffer sent = bytes(3, position, length);
        assertEquals(-1, EchoPattern.mismatch(3, position, sent, 0, length));
    }

    /** Message k arriving where message k+1 was expected is a mismatch, for small and large messages. */
    @ParameterizedTest
    @ValueSource(ints = {16, 100, 1460, 65_536})
    void swappedMessagesDoNotVerify(int size) {
        int length = Math.min(size, EchoPattern.SLICE);
        for (long k = 0; k < 50; k++) {
            ByteBuffer messageK = bytes(0, k * size, length);
            long bad = EchoPattern.mismatch(0, (k + 1) * size, messageK, 0, length);
            assertTrue(bad >= (k + 1) * size, "message " + k + " passed as message " + (k + 1));
        }
    }

    /** Bytes meant for another connection do not verify either. */
    @Test
    void anotherConnectionsBytesDoNotVerify() {
        for (int other = 1; other < 100; other++) {
            ByteBuffer theirs = bytes(other, 0, 64);
            assertTrue(EchoPattern.mismatch(0, 0, theirs, 0, 64) >= 0, "connection " + other + " passed as 0");
        }
    }

    /** The reported position is the exact stream position of the first wrong byte. */
    @Test
    void reportsTheStreamPositionOfTheFirstWrongByte() {
        ByteBuffer sent = bytes(2, 5_000, 300);
        sent.put(123, (byte) ~sent.get(123));
        assertEquals(5_123, EchoPattern.mismatch(2, 5_000, sent, 0, 300));
    }
}
