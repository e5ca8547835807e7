package dev.wirelab.core.parse;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;

/**
 * Test fixtures: IPv4/UDP datagrams laid out byte by byte as a capture would show them.
 * The checksums are real (computed with a tiny RFC 1071 helper below), so the bytes are a
 * datagram a kernel would accept, not just numbers in the right places.
 */
final class Packets {

    /**
     * The IPv4 header from the Internet-checksum example on Wikipedia's "IPv4 header
     * checksum" page: 192.168.0.1 -> 192.168.0.199, UDP, total length 115, DF set,
     * TTL 64, checksum 0xB861.
     */
    static final byte[] WIKIPEDIA_IPV4_HEADER = HexFormat.of().parseHex(
            "450000730000400040 11b861c0a80001c0a800c7".replace(" ", ""));

    private Packets() {
    }

    /** The Wikipedia header followed by a UDP datagram 53 -> 41394 with 87 payload bytes. */
    static byte[] udpOverIpv4() {
        byte[] payload = new byte[115 - 20 - 8];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) ('a' + i % 26);
        }
        return concat(WIKIPEDIA_IPV4_HEADER, udp(0xC0A80001, 0xC0A800C7, 53, 41394, payload));
    }

    /** A UDP header and payload with a correct checksum over the IPv4 pseudo-header. */
    static byte[] udp(int source, int destination, int sourcePort, int destinationPort, byte[] payload) {
        int length = 8 + payload.length;
        byte[] datagram = new byte[length];
        putU16(datagram, 0, sourcePort);
        putU16(datagram, 2, destinationPort);
        putU16(datagram, 4, length);
        System.arraycopy(payload, 0, datagram, 8, payload.length);
        byte[] pseudo = new byte[12];
        putU32(pseudo, 0, source);
        putU32(pseudo, 4, destination);
        pseudo[9] = 17;
        putU16(pseudo, 10, length);
        int sum = internetChecksum(concat(pseudo, datagram));
        putU16(datagram, 6, sum == 0 ? 0xFFFF : sum); // RFC 768: a computed zero is sent as all ones
        return datagram;
    }

    /**
     * An IPv4 header with the given IHL (options filled with {@code options}, then zero
     * padding), protocol UDP, and a correct header checksum.
     */
    static byte[] ipv4Header(int ihl, byte[] options, int totalLength) {
        byte[] header = new byte[ihl * 4];
        header[0] = (byte) (0x40 | ihl);
        putU16(header, 2, totalLength);
        putU16(header, 4, 0x1c46);
        putU16(header, 6, 0x4000);
        header[8] = 64;
        header[9] = 17;
        putU32(header, 12, 0x0A000001);
        putU32(header, 16, 0x0A000002);
        System.arraycopy(options, 0, header, 20, options.length);
        putU16(header, 10, internetChecksum(header));
        return header;
    }

    /** RFC 1071: one's-complement sum of 16-bit words, folded, complemented. Test-only. */
    static int internetChecksum(byte[] data) {
        long sum = 0;
        for (int i = 0; i + 1 < data.length; i += 2) {
            sum += (data[i] & 0xFF) << 8 | data[i + 1] & 0xFF;
        }
        if (data.length % 2 == 1) {
            sum += (data[data.length - 1] & 0xFF) << 8;
        }
        while (sum >>> 16 != 0) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return (int) ~sum & 0xFFFF;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static void putU16(byte[] bytes, int at, int value) {
        bytes[at] = (byte) (value >>> 8);
        bytes[at + 1] = (byte) value;
    }

    static void putU32(byte[] bytes, int at, int value) {
        putU16(bytes, at, value >>> 16);
        putU16(bytes, at + 2, value);
    }
}
