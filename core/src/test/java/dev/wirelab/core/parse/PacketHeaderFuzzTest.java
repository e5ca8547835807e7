package dev.wirelab.core.parse;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage-guided fuzzing of the {@link Ipv4Header} and {@link UdpHeader} flyweights, which
 * read fields straight out of a buffer and therefore must never trust a length they read.
 *
 * <p>Each input is treated as an IPv4 packet (and, when it carries UDP, its datagram through
 * {@link Ipv4Header#wrapPayload}) and, separately, as a bare UDP datagram. The invariants:
 * {@code wrap} always answers with a {@code Status}; every accessor that status allows
 * answers without an exception and with a value consistent with the bytes (lengths within the
 * window, payload inside it); the accessors a status forbids fail with the documented
 * exception; and nothing reads outside the window, checked twice: from an exactly-sized native
 * segment (a read past its end throws) and from the same bytes between two different fillers
 * (which must describe identically). Seeds: {@code PacketHeaderFuzzTestInputs/anyPacket/}.
 */
class PacketHeaderFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void anyPacket(byte[] packet) {
        String expected = describe(ByteBuffer.wrap(packet), 0, packet.length);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment exact = arena.allocate(Math.max(1, packet.length)).asSlice(0, packet.length);
            exact.copyFrom(MemorySegment.ofArray(packet));
            assertEquals(expected, describe(exact), "native segment");
        }
        for (byte filler : new byte[] {0, (byte) 0xFF}) {
            byte[] big = new byte[packet.length + 128];
            Arrays.fill(big, filler);
            System.arraycopy(packet, 0, big, 64, packet.length);
            assertEquals(expected, describe(ByteBuffer.wrap(big), 64, 64 + packet.length), "filler " + filler);
        }
    }

    private static String describe(ByteBuffer buffer, int from, int to) {
        Ipv4Header ip = new Ipv4Header();
        UdpHeader udp = new UdpHeader();
        String packet = ipv4(ip, ip.wrap(buffer, from, to), udp, to - from, from);
        return packet + " | " + udp(udp, udp.wrap(buffer, from, to), to - from, from);
    }

    private static String describe(MemorySegment segment) {
        Ipv4Header ip = new Ipv4Header();
        UdpHeader udp = new UdpHeader();
        int length = (int) segment.byteSize();
        String packet = ipv4(ip, ip.wrap(segment, 0), udp, length, 0);
        return packet + " | " + udp(udp, udp.wrap(segment, 0), length, 0);
    }

    /** Every field the status allows, checked for consistency; the ones it forbids must refuse. */
    private static String ipv4(Ipv4Header ip, Ipv4Header.Status status, UdpHeader udp, int length, long base) {
        assertEquals(status, ip.status());
        if (status == Ipv4Header.Status.TRUNCATED) {
            assertTrue(length < Ipv4Descriptor.MIN_LENGTH, "TRUNCATED with " + length + " bytes");
            assertThrows(IllegalStateException.class, ip::version);
            return "ip TRUNCATED";
        }
        StringBuilder out = new StringBuilder("ip " + status + " " + ip.version() + "/" + ip.ihl() + " dscp " + ip.dscp()
                + " ecn " + ip.ecn() + " total " + ip.totalLength() + " id " + ip.identification() + " df " + ip.dontFragment()
                + " mf " + ip.moreFragments() + " frag " + ip.fragmentOffsetBytes() + " ttl " + ip.timeToLive()
                + " proto " + ip.protocol() + " sum " + ip.headerChecksum() + " " + Ipv4Header.dottedQuad(ip.sourceAddress())
                + " > " + Ipv4Header.dottedQuad(ip.destinationAddress()));
        if (status != Ipv4Header.Status.VALID) {
            assertThrows(IllegalStateException.class, ip::payloadLength);
            return out.toString();
        }
        assertTrue(ip.headerLength() >= 20 && ip.headerLength() <= ip.totalLength() && ip.totalLength() <= length, out::toString);
        assertEquals(ip.totalLength() - ip.headerLength(), ip.payloadLength());
        assertEquals(base + ip.headerLength(), ip.payloadStart());
        for (int i = 0; i < ip.optionsLength(); i++) {
            out.append(i == 0 ? " opt " : ",").append(ip.optionByte(i));
        }
        assertThrows(IndexOutOfBoundsException.class, () -> ip.optionByte(ip.optionsLength()));
        if (ip.carriesUdpHeader()) {
            out.append(" / ").append(udp(udp, ip.wrapPayload(udp), ip.payloadLength(), base + ip.headerLength()));
            assertTrue(udp.status() == UdpHeader.Status.TRUNCATED || udp.payloadStart() + udp.payloadLength() <= base + ip.totalLength(),
                    "UDP payload runs past the IP packet");
        }
        return out.toString();
    }

    private static String udp(UdpHeader udp, UdpHeader.Status status, int length, long base) {
        assertEquals(status, udp.status());
        if (status == UdpHeader.Status.TRUNCATED) {
            assertTrue(length < UdpDescriptor.LENGTH, "TRUNCATED with " + length + " bytes");
            assertThrows(IllegalStateException.class, udp::sourcePort);
            return "udp TRUNCATED";
        }
        int payload = udp.payloadLength();
        assertTrue(payload >= 0 && payload <= length - UdpDescriptor.LENGTH, "payload " + payload + " of " + length);
        assertEquals(base + UdpDescriptor.LENGTH, udp.payloadStart());
        int sum = 0;
        for (int i = 0; i < payload; i++) {
            sum = sum * 31 + udp.payloadByte(i);
        }
        assertThrows(IndexOutOfBoundsException.class, () -> udp.payloadByte(payload));
        return "udp " + status + " " + udp.sourcePort() + ">" + udp.destinationPort() + " len " + udp.lengthField()
                + " sum " + udp.checksum() + " payload " + payload + "#" + sum;
    }
}
