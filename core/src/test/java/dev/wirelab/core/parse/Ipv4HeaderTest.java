package dev.wirelab.core.parse;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.Arrays;
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

class Ipv4HeaderTest {

    /** The fixture's checksum is the real one: the RFC 1071 sum over a correct header is 0. */
    @Test
    void fixtureHeaderChecksumIsGenuine() {
        assertEquals(0, Packets.internetChecksum(Packets.WIKIPEDIA_IPV4_HEADER));
    }

    @Test
    void readsEveryFixedFieldOfACapturedHeader() {
        Ipv4Header ip = new Ipv4Header();

        assertEquals(Ipv4Header.Status.VALID, ip.wrap(ByteBuffer.wrap(Packets.udpOverIpv4()), 0));

        assertEquals(4, ip.version());
        assertEquals(5, ip.ihl());
        assertEquals(20, ip.headerLength());
        assertEquals(0, ip.dscp());
        assertEquals(0, ip.ecn());
        assertEquals(115, ip.totalLength());
        assertEquals(0, ip.identification());
        assertTrue(ip.dontFragment());
        assertFalse(ip.moreFragments());
        assertEquals(0, ip.fragmentOffsetBytes());
        assertEquals(64, ip.timeToLive());
        assertEquals(17, ip.protocol());
        assertEquals(0xB861, ip.headerChecksum());
        assertEquals("192.168.0.1", Ipv4Header.dottedQuad(ip.sourceAddress()));
        assertEquals("192.168.0.199", Ipv4Header.dottedQuad(ip.destinationAddress()));
        assertEquals(0, ip.optionsLength());
        assertEquals(95, ip.payloadLength());
    }

    /** The whole point: IPv4 then UDP over one buffer, two flyweights, zero copies. */
    @Test
    void parsesACapturedUdpOverIpv4DatagramEndToEnd() {
        byte[] packet = Packets.udpOverIpv4();
        Ipv4Header ip = new Ipv4Header();
        UdpHeader udp = new UdpHeader();

        assertEquals(Ipv4Header.Status.VALID, ip.wrap(ByteBuffer.wrap(packet), 0));
        assertTrue(ip.carriesUdpHeader());
        assertEquals(UdpHeader.Status.VALID, ip.wrapPayload(udp));

        assertEquals(53, udp.sourcePort());
        assertEquals(41394, udp.destinationPort());
        assertEquals(95, udp.lengthField());
        assertEquals(87, udp.payloadLength());
        assertEquals('a', udp.payloadByte(0));
        assertEquals('z', udp.payloadByte(25));
        assertEquals(28, udp.payloadStart(), "the UDP payload starts after 20 + 8 header bytes of the same buffer");
        assertEquals(0, udpChecksumOverPseudoHeader(packet), "the fixture's UDP checksum is genuine too");
    }

    @Test
    void parsesTheSameDatagramFromAMemorySegmentAtAnOffset() {
        byte[] framed = Packets.concat(new byte[14], Packets.udpOverIpv4()); // 14: an Ethernet header's worth
        Ipv4Header ip = new Ipv4Header();
        UdpHeader udp = new UdpHeader();

        assertEquals(Ipv4Header.Status.VALID, ip.wrap(MemorySegment.ofArray(framed), 14));
        assertEquals(UdpHeader.Status.VALID, ip.wrapPayload(udp));

        assertEquals(41394, udp.destinationPort());
        assertEquals(14 + 28, udp.payloadStart());
    }

    /** IHL 6 puts four option bytes between the fixed header and the payload. */
    @Test
    void skipsOptionsAnnouncedByIhl() {
        byte[] routerAlert = {(byte) 0x94, 0x04, 0x00, 0x00}; // RFC 2113 Router Alert
        byte[] datagram = Packets.udp(0x0A000001, 0x0A000002, 5000, 6000, "hi".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        byte[] packet = Packets.concat(Packets.ipv4Header(6, routerAlert, 24 + datagram.length), datagram);
        Ipv4Header ip = new Ipv4Header();
        UdpHeader udp = new UdpHeader();

        assertEquals(Ipv4Header.Status.VALID, ip.wrap(ByteBuffer.wrap(packet), 0));
        assertEquals(0, Packets.internetChecksum(Arrays.copyOf(packet, 24)));

        assertEquals(6, ip.ihl());
        assertEquals(4, ip.optionsLength());
        assertEquals(0x94, ip.optionByte(0));
        assertEquals(0x04, ip.optionByte(1));
        assertEquals(24, ip.payloadStart());
        assertEquals(UdpHeader.Status.VALID, ip.wrapPayload(udp));
        assertEquals(6000, udp.destinationPort());
        assertEquals('h', udp.payloadByte(0));
    }

    /** Ethernet pads short frames; bytes past Total Length must not leak into the UDP payload. */
    @Test
    void ignoresPaddingAfterTotalLength() {
        byte[] datagram = Packets.udp(0x0A000001, 0x0A000002, 1, 2, new byte[] {42});
        byte[] packet = Packets.concat(Packets.ipv4Header(5, new byte[0], 29), datagram, new byte[17]);
        Ipv4Header ip = new Ipv4Header();
        UdpHeader udp = new UdpHeader();

        ip.wrap(ByteBuffer.wrap(packet), 0);
        ip.wrapPayload(udp);

        assertEquals(9, ip.payloadLength());
        assertEquals(1, udp.payloadLength());
    }

    @Test
    void laterFragmentsDoNotCarryAUdpHeader() {
        byte[] header = Packets.ipv4Header(5, new byte[0], 28);
        Packets.putU16(header, 6, 0x0003); // fragment offset 3 units = 24 bytes
        Ipv4Header ip = new Ipv4Header();

        ip.wrap(ByteBuffer.wrap(Packets.concat(header, new byte[8])), 0);

        assertEquals(24, ip.fragmentOffsetBytes());
        assertFalse(ip.carriesUdpHeader());
    }

    static Stream<Arguments> malformedHeaders() {
        String good = "45000073000040004011b861c0a80001c0a800c7";
        return Stream.of(
                Arguments.of("empty", "", Ipv4Header.Status.TRUNCATED),
                Arguments.of("19 bytes", good.substring(0, 38), Ipv4Header.Status.TRUNCATED),
                Arguments.of("version 6", "65" + good.substring(2) + "00".repeat(95), Ipv4Header.Status.BAD_VERSION),
                Arguments.of("version 0", "05" + good.substring(2) + "00".repeat(95), Ipv4Header.Status.BAD_VERSION),
                Arguments.of("ihl 4", "44" + good.substring(2) + "00".repeat(95), Ipv4Header.Status.BAD_IHL),
                Arguments.of("ihl 0", "40" + good.substring(2) + "00".repeat(95), Ipv4Header.Status.BAD_IHL),
                Arguments.of("ihl 15, 20 bytes", "4f000014" + good.substring(8), Ipv4Header.Status.OPTIONS_TRUNCATED),
                Arguments.of("total length 19", "45000013" + good.substring(8), Ipv4Header.Status.TOTAL_LENGTH_TOO_SMALL),
                Arguments.of("ihl 6, total length 20", "46000014" + good.substring(8) + "01010101",
                        Ipv4Header.Status.TOTAL_LENGTH_TOO_SMALL),
                Arguments.of("total length 115, 114 bytes", good + "00".repeat(94),
                        Ipv4Header.Status.TOTAL_LENGTH_BEYOND_DATA));
    }

    /** Each rule of RFC 791 a header can break yields its own status, never an exception. */
    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("malformedHeaders")
    void reportsMalformedHeadersAsAStatus(String rule, String hex, Ipv4Header.Status expected) {
        Ipv4Header ip = new Ipv4Header();

        assertSame(expected, ip.wrap(ByteBuffer.wrap(HexFormat.of().parseHex(hex)), 0));
        assertFalse(ip.isValid());
    }

    /** The fixed fields of a bad header stay readable for diagnostics; its payload does not. */
    @Test
    void exposesFixedFieldsButNotPayloadOfABadHeader() {
        byte[] packet = Packets.udpOverIpv4();
        packet[0] = 0x65;
        Ipv4Header ip = new Ipv4Header();
        ip.wrap(ByteBuffer.wrap(packet), 0);

        assertEquals(6, ip.version());
        IllegalStateException e = assertThrows(IllegalStateException.class, ip::payloadLength);
        assertEquals("wrap() returned BAD_VERSION: options and payload are not trustworthy", e.getMessage());
    }

    private static int udpChecksumOverPseudoHeader(byte[] packet) {
        byte[] pseudo = HexFormat.of().parseHex("c0a80001c0a800c70011005f");
        return Packets.internetChecksum(Packets.concat(pseudo, Arrays.copyOfRange(packet, 20, packet.length)));
    }
}
