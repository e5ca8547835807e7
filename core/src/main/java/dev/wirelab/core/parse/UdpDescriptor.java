package dev.wirelab.core.parse;

/**
 * Where each field of a UDP header sits (RFC 768). The header is four big-endian 16-bit
 * words; the payload follows at once:
 *
 * <pre>
 *  0      7 8     15 16    23 24    31
 * +--------+--------+--------+--------+
 * |   Source Port   |  Destination    |
 * |                 |      Port       |
 * +--------+--------+--------+--------+
 * |     Length      |    Checksum     |
 * +--------+--------+--------+--------+
 * |          data octets ...
 * +---------------- ...
 * </pre>
 *
 * <ul>
 *   <li><b>Length</b> counts header and data, so it is at least {@link #LENGTH} (8).</li>
 *   <li><b>Checksum</b> covers a pseudo-header (addresses, protocol, length), the header and
 *       the data, folded with the RFC 1071 Internet checksum. Over IPv4, zero means "the
 *       sender computed none"; over IPv6 a checksum is mandatory.</li>
 * </ul>
 *
 * <p>A descriptor holds no state: it is the map, and {@link UdpHeader} is the lens that
 * reads a real buffer through it (the split Agrona makes between its
 * {@code RecordDescriptor} and the flyweights that use it).
 */
public final class UdpDescriptor {

    /** Offset of the 16-bit source port. */
    public static final int SOURCE_PORT_OFFSET = 0;
    /** Offset of the 16-bit destination port. */
    public static final int DESTINATION_PORT_OFFSET = 2;
    /** Offset of the 16-bit length (header plus data, in bytes). */
    public static final int LENGTH_FIELD_OFFSET = 4;
    /** Offset of the 16-bit checksum. */
    public static final int CHECKSUM_OFFSET = 6;
    /** Size of the header in bytes; the payload starts here. */
    public static final int LENGTH = 8;

    /** The IPv4 {@code Protocol} / IPv6 {@code Next Header} number that means UDP. */
    public static final int IP_PROTOCOL_NUMBER = 17;

    private UdpDescriptor() {
    }
}
