package dev.wirelab.core.parse;

/**
 * Where each field of an IPv4 header sits (RFC 791, section 3.1). Twenty fixed bytes,
 * then up to forty bytes of options, then the payload:
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Version|  IHL  |   DSCP    |ECN|          Total Length         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Identification        |Flags|      Fragment Offset    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Time to Live |    Protocol   |         Header Checksum       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                       Source Address                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Destination Address                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Options (IHL > 5)                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <ul>
 *   <li><b>IHL</b> is the header length in 32-bit words: 5 (20 bytes, no options) to 15
 *       (60 bytes). Below 5 the header is impossible.</li>
 *   <li><b>Total Length</b> counts header and payload in bytes; it must be at least the
 *       header length.</li>
 *   <li><b>Flags</b> (3 bits): reserved, Don't Fragment, More Fragments. <b>Fragment
 *       Offset</b> is in 8-byte units; only the fragment at offset 0 starts with the
 *       transport header.</li>
 *   <li><b>DSCP/ECN</b> were the old "Type of Service" byte (RFC 2474, RFC 3168).</li>
 *   <li><b>Header Checksum</b> is the RFC 1071 sum over the header alone.</li>
 * </ul>
 *
 * <p>The descriptor holds no state; {@link Ipv4Header} is the flyweight that reads through it.
 */
public final class Ipv4Descriptor {

    /** Version (high nibble) and IHL (low nibble). */
    public static final int VERSION_IHL_OFFSET = 0;
    /** DSCP (high 6 bits) and ECN (low 2 bits). */
    public static final int DSCP_ECN_OFFSET = 1;
    /** 16-bit total length of the datagram in bytes. */
    public static final int TOTAL_LENGTH_OFFSET = 2;
    /** 16-bit identification shared by all fragments of one datagram. */
    public static final int IDENTIFICATION_OFFSET = 4;
    /** 3 flag bits, then the 13-bit fragment offset. */
    public static final int FLAGS_FRAGMENT_OFFSET = 6;
    /** 8-bit time to live. */
    public static final int TTL_OFFSET = 8;
    /** 8-bit protocol number of the payload (17 = UDP, 6 = TCP). */
    public static final int PROTOCOL_OFFSET = 9;
    /** 16-bit header checksum. */
    public static final int HEADER_CHECKSUM_OFFSET = 10;
    /** 32-bit source address. */
    public static final int SOURCE_ADDRESS_OFFSET = 12;
    /** 32-bit destination address. */
    public static final int DESTINATION_ADDRESS_OFFSET = 16;
    /** Options, if any, start right after the fixed part. */
    public static final int OPTIONS_OFFSET = 20;

    /** The fixed part: a header with IHL 5. */
    public static final int MIN_LENGTH = 20;
    /** IHL 15: the fixed part plus 40 bytes of options. */
    public static final int MAX_LENGTH = 60;
    /** The version nibble this descriptor describes. */
    public static final int VERSION = 4;

    /** Mask of the Don't Fragment bit in the flags/fragment word. */
    public static final int DONT_FRAGMENT_MASK = 0x4000;
    /** Mask of the More Fragments bit in the flags/fragment word. */
    public static final int MORE_FRAGMENTS_MASK = 0x2000;
    /** Mask of the 13-bit fragment offset in the flags/fragment word. */
    public static final int FRAGMENT_OFFSET_MASK = 0x1FFF;

    private Ipv4Descriptor() {
    }
}
