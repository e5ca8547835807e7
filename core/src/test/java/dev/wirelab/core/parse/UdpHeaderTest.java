package dev.wirelab.core.parse;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UdpHeaderTest {

    /** 12345 -> 53, length 12 (4 payload bytes "ping"), checksum 0xBEEF. */
    private static final byte[] DATAGRAM = HexFormat.of().parseHex("30390035000cbeef70696e67");

    @Test
    void readsEveryFieldBigEndianFromAByteBuffer() {
        UdpHeader udp = new UdpHeader();

        assertEquals(UdpHeader.Status.VALID, udp.wrap(ByteBuffer.wrap(DATAGRAM), 0));

        assertEquals(12345, udp.sourcePort());
        assertEquals(53, udp.destinationPort());
        assertEquals(12, udp.lengthField());
        assertEquals(0xBEEF, udp.checksum());
        assertEquals(4, udp.payloadLength());
        assertEquals('p', udp.payloadByte(0));
        assertEquals('g', udp.payloadByte(3));
    }

    /** The buffer's byte order is the caller's business: wire fields are always big-endian. */
    @Test
    void ignoresTheBufferByteOrder() {
        UdpHeader udp = new UdpHeader();
        ByteBuffer little = ByteBuffer.wrap(DATAGRAM).order(ByteOrder.LITTLE_ENDIAN);

        udp.wrap(little, 0);

        assertEquals(12345, udp.sourcePort());
        assertEquals(0xBEEF, udp.checksum());
    }

    /** Wrapping reads absolutely: position and limit of the caller's buffer stay untouched. */
    @Test
    void leavesTheBufferPositionAlone() {
        ByteBuffer buffer = ByteBuffer.wrap(DATAGRAM);
        buffer.position(3);

        new UdpHeader().wrap(buffer, 0);

        assertEquals(3, buffer.position());
        assertEquals(DATAGRAM.length, buffer.limit());
    }

    @Test
    void readsTheSameFieldsFromHeapAndNativeMemorySegments() {
        UdpHeader udp = new UdpHeader();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment offHeap = arena.allocate(DATAGRAM.length + 5);
            MemorySegment.copy(MemorySegment.ofArray(DATAGRAM), 0, offHeap, 5, DATAGRAM.length);

            for (MemorySegment segment : new MemorySegment[] {MemorySegment.ofArray(DATAGRAM), offHeap.asSlice(5)}) {
                assertEquals(UdpHeader.Status.VALID, udp.wrap(segment, 0));
                assertEquals(12345, udp.sourcePort());
                assertEquals(53, udp.destinationPort());
                assertEquals(0xBEEF, udp.checksum());
                assertEquals('i', udp.payloadByte(1));
            }
        }
    }

    /** One flyweight serves many datagrams: rewrapping must forget the previous one entirely. */
    @Test
    void rewrappingReplacesThePreviousDatagram() {
        UdpHeader udp = new UdpHeader();
        udp.wrap(ByteBuffer.wrap(DATAGRAM), 0);

        UdpHeader.Status second = udp.wrap(ByteBuffer.wrap(new byte[] {0, 7, 0, 9, 0, 8, 0, 0}), 0);

        assertEquals(UdpHeader.Status.VALID, second);
        assertEquals(7, udp.sourcePort());
        assertEquals(0, udp.payloadLength());
    }

    @Test
    void findsAHeaderAtAnOffsetInsideALargerBuffer() {
        byte[] framed = Packets.concat(new byte[] {9, 9, 9}, DATAGRAM, new byte[] {9});
        UdpHeader udp = new UdpHeader();

        assertEquals(UdpHeader.Status.VALID, udp.wrap(ByteBuffer.wrap(framed), 3));

        assertEquals(53, udp.destinationPort());
        assertEquals(4, udp.payloadLength(), "the trailing byte after the declared length is not payload");
    }

    static Stream<Arguments> malformedDatagrams() {
        return Stream.of(
                Arguments.of("empty buffer", "", 0, UdpHeader.Status.TRUNCATED),
                Arguments.of("seven bytes", "30390035000cbe", 0, UdpHeader.Status.TRUNCATED),
                Arguments.of("offset leaves seven bytes", "ff30390035000cbe", 1, UdpHeader.Status.TRUNCATED),
                Arguments.of("negative offset", "30390035000cbeef", -1, UdpHeader.Status.TRUNCATED),
                Arguments.of("offset beyond limit", "30390035000cbeef", 9, UdpHeader.Status.TRUNCATED),
                Arguments.of("length field 7", "303900350007beef", 0, UdpHeader.Status.LENGTH_FIELD_TOO_SMALL),
                Arguments.of("length field 0", "303900350000beef", 0, UdpHeader.Status.LENGTH_FIELD_TOO_SMALL),
                Arguments.of("length field 13, 12 bytes", "30390035000dbeef70696e67", 0,
                        UdpHeader.Status.LENGTH_FIELD_BEYOND_DATA));
    }

    /** Every way a UDP header can be wrong maps to its own status, and none of them throws. */
    @ParameterizedTest(name = "{0} -> {3}")
    @MethodSource("malformedDatagrams")
    void reportsMalformedDatagramsAsAStatus(String rule, String hex, int offset, UdpHeader.Status expected) {
        UdpHeader udp = new UdpHeader();

        UdpHeader.Status status = udp.wrap(ByteBuffer.wrap(HexFormat.of().parseHex(hex)), offset);

        assertSame(expected, status);
        assertFalse(udp.isValid());
    }

    /** A capture cut by its snap length still shows its ports; only the payload is partial. */
    @Test
    void readsFieldsOfADatagramCutShortByTheCapture() {
        UdpHeader udp = new UdpHeader();

        udp.wrap(ByteBuffer.wrap(HexFormat.of().parseHex("30390035002abeef7069")), 0);

        assertEquals(UdpHeader.Status.LENGTH_FIELD_BEYOND_DATA, udp.status());
        assertEquals(53, udp.destinationPort());
        assertEquals(2, udp.payloadLength());
    }

    /** Reading a header that wrap() said is absent is a caller bug, and it says so. */
    @Test
    void refusesToReadFieldsAfterTruncated() {
        UdpHeader udp = new UdpHeader();
        udp.wrap(ByteBuffer.wrap(new byte[3]), 0);

        IllegalStateException e = assertThrows(IllegalStateException.class, udp::sourcePort);

        assertEquals("wrap() returned TRUNCATED: there is no UDP header to read", e.getMessage());
        assertTrue(udp.toString().contains("TRUNCATED"));
    }
}
