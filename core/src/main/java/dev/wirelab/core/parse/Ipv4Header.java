package dev.wirelab.core.parse;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

import static dev.wirelab.core.parse.Ipv4Descriptor.DESTINATION_ADDRESS_OFFSET;
import static dev.wirelab.core.parse.Ipv4Descriptor.DONT_FRAGMENT_MASK;
import static dev.wirelab.core.parse.Ipv4Descriptor.DSCP_ECN_OFFSET;
import static dev.wirelab.core.parse.Ipv4Descriptor.FLAGS_FRAGMENT_OFFSET;
import static dev.wirelab.core.parse.Ipv4Descriptor.FRAGMENT_OFFSET_MASK;
import static dev.wirelab.core.parse.Ipv4Descriptor.HEADER_CHECKSUM_OFFSET;
import static dev.wirelab.core.parse.Ipv4Descriptor.IDENTIFICATION_OFFSET;
import static dev.wirelab.core.parse.Ipv4Descriptor.MIN_LENGTH;
import static dev.wirelab.core.parse.Ipv4Descriptor.MORE_FRAGMENTS_MASK;
import static dev.wirelab.core.parse.Ipv4Descriptor.OPTIONS_OFFSET;
import static dev.wirelab.core.parse.Ipv4Descriptor.PROTOCOL_OFFSET;
import static dev.wirelab.core.parse.Ipv4Descriptor.SOURCE_ADDRESS_OFFSET;
import static dev.wirelab.core.parse.Ipv4Descriptor.TOTAL_LENGTH_OFFSET;
import static dev.wirelab.core.parse.Ipv4Descriptor.TTL_OFFSET;
import static dev.wirelab.core.parse.Ipv4Descriptor.VERSION;
import static dev.wirelab.core.parse.Ipv4Descriptor.VERSION_IHL_OFFSET;

/**
 * A flyweight over an IPv4 header (layout in {@link Ipv4Descriptor}): wrap it over a
 * received packet, read the fields in place, and hand the payload to the next layer's
 * flyweight without copying a byte.
 *
 * <pre>{@code
 * Ipv4Header ip = new Ipv4Header();   // both once per thread
 * UdpHeader udp = new UdpHeader();
 * if (ip.wrap(packet, 0) == Ipv4Header.Status.VALID && ip.carriesUdpHeader()
 *         && ip.wrapPayload(udp) == UdpHeader.Status.VALID) {
 *     handle(ip.sourceAddress(), udp.sourcePort(), udp.payloadLength());
 * }
 * }</pre>
 *
 * <p><b>Checks, in the order a receiver needs them</b> (RFC 791; RFC 1122 section 3.2.1.1
 * says a host silently discards a datagram whose version is not 4): enough bytes for the
 * fixed header, version 4, IHL at least 5, the options the IHL announces are present, total
 * length covers the header and fits in the bytes given. Each failure has its own
 * {@link Status}; none throws. After anything but {@link Status#TRUNCATED} the fixed 20
 * bytes are readable (useful for a diagnostic: "version 6 arrived on the IPv4 socket");
 * options and payload are only offered when the status is {@link Status#VALID}.
 *
 * <p><b>What the lab leaves out:</b> verifying the header checksum (see package
 * {@code checksum}), reassembling fragments, and interpreting options (only their bytes are
 * exposed). Bytes beyond Total Length (Ethernet pads short frames to 60 bytes) are ignored.
 * Not thread-safe: one flyweight per thread.
 */
public final class Ipv4Header {

    /** What {@code wrap} found, in the order it checks. */
    public enum Status {
        /** A well-formed header whose total length fits in the bytes given. */
        VALID,
        /** Fewer than 20 bytes: not even the fixed header is there. */
        TRUNCATED,
        /** The version nibble is not 4. */
        BAD_VERSION,
        /** IHL below 5: a header cannot be shorter than its fixed part. */
        BAD_IHL,
        /** IHL announces options, but the bytes end before the header does. */
        OPTIONS_TRUNCATED,
        /** Total Length is smaller than the header length. */
        TOTAL_LENGTH_TOO_SMALL,
        /** Total Length promises more bytes than were given. */
        TOTAL_LENGTH_BEYOND_DATA
    }

    private final WireBytes bytes = new WireBytes();
    private Status status = Status.TRUNCATED;
    // Read once by wrap's checks and kept: the payload accessors need them again.
    private int headerLength;
    private int totalLength;

    /** Wraps {@code buffer[offset, limit)}; position and byte order are ignored. */
    public Status wrap(ByteBuffer buffer, int offset) {
        return wrap(buffer, offset, buffer.limit());
    }

    /** Wraps {@code buffer[offset, end)}. */
    public Status wrap(ByteBuffer buffer, int offset, int end) {
        return check(bytes.wrap(buffer, offset, end));
    }

    /** Wraps {@code segment[offset, byteSize)}. */
    public Status wrap(MemorySegment segment, long offset) {
        return wrap(segment, offset, segment.byteSize());
    }

    /** Wraps {@code segment[offset, end)}. */
    public Status wrap(MemorySegment segment, long offset, long end) {
        return check(bytes.wrap(segment, offset, end));
    }

    private Status check(boolean inRange) {
        // Phase 1: the fixed part must be there before any field means anything.
        if (!inRange || bytes.length() < MIN_LENGTH) {
            bytes.clear();
            return status = Status.TRUNCATED;
        }
        // Phase 2: version and IHL share the first byte.
        int first = bytes.u8(VERSION_IHL_OFFSET);
        if (first >>> 4 != VERSION) {
            return status = Status.BAD_VERSION;
        }
        headerLength = (first & 0x0F) * 4;
        if (headerLength < MIN_LENGTH) {
            return status = Status.BAD_IHL;
        }
        if (headerLength > bytes.length()) {
            return status = Status.OPTIONS_TRUNCATED;
        }
        // Phase 3: total length must cover the header and fit in what we hold.
        totalLength = bytes.u16(TOTAL_LENGTH_OFFSET);
        if (totalLength < headerLength) {
            return status = Status.TOTAL_LENGTH_TOO_SMALL;
        }
        if (totalLength > bytes.length()) {
            return status = Status.TOTAL_LENGTH_BEYOND_DATA;
        }
        return status = Status.VALID;
    }

    /** The result of the last {@code wrap}. */
    public Status status() {
        return status;
    }

    public boolean isValid() {
        return status == Status.VALID;
    }

    // ---- the fixed 20 bytes: readable after any status except TRUNCATED ----

    public int version() {
        return fixed().u8(VERSION_IHL_OFFSET) >>> 4;
    }

    /** IHL: header length in 32-bit words (5..15 when valid). */
    public int ihl() {
        return fixed().u8(VERSION_IHL_OFFSET) & 0x0F;
    }

    /** IHL in bytes. */
    public int headerLength() {
        return ihl() * 4;
    }

    public int dscp() {
        return fixed().u8(DSCP_ECN_OFFSET) >>> 2;
    }

    public int ecn() {
        return fixed().u8(DSCP_ECN_OFFSET) & 0x03;
    }

    public int totalLength() {
        return fixed().u16(TOTAL_LENGTH_OFFSET);
    }

    public int identification() {
        return fixed().u16(IDENTIFICATION_OFFSET);
    }

    public boolean dontFragment() {
        return (fixed().u16(FLAGS_FRAGMENT_OFFSET) & DONT_FRAGMENT_MASK) != 0;
    }

    public boolean moreFragments() {
        return (fixed().u16(FLAGS_FRAGMENT_OFFSET) & MORE_FRAGMENTS_MASK) != 0;
    }

    /** Fragment offset in bytes (the field counts 8-byte units). */
    public int fragmentOffsetBytes() {
        return (fixed().u16(FLAGS_FRAGMENT_OFFSET) & FRAGMENT_OFFSET_MASK) * 8;
    }

    public int timeToLive() {
        return fixed().u8(TTL_OFFSET);
    }

    /** Payload protocol number (17 UDP, 6 TCP, 1 ICMP). */
    public int protocol() {
        return fixed().u8(PROTOCOL_OFFSET);
    }

    /** The header checksum field as sent. */
    public int headerChecksum() {
        return fixed().u16(HEADER_CHECKSUM_OFFSET);
    }

    /** Source address as 32 bits, most significant octet first ({@link #dottedQuad} prints it). */
    public int sourceAddress() {
        return fixed().s32(SOURCE_ADDRESS_OFFSET);
    }

    public int destinationAddress() {
        return fixed().s32(DESTINATION_ADDRESS_OFFSET);
    }

    // ---- options and payload: only when VALID ----

    public int optionsLength() {
        return valid().headerLength - OPTIONS_OFFSET;
    }

    /** The option byte at {@code index} (0-based from the first option byte), unsigned. */
    public int optionByte(int index) {
        if (index < 0 || index >= optionsLength()) {
            throw new IndexOutOfBoundsException("option index " + index + " outside [0, " + optionsLength() + ")");
        }
        return bytes.u8(OPTIONS_OFFSET + index);
    }

    /** Payload bytes: total length minus header length. */
    public int payloadLength() {
        return valid().totalLength - headerLength;
    }

    /** Where the payload starts in the wrapped buffer or segment (absolute index). */
    public long payloadStart() {
        return valid().bytes.start() + headerLength;
    }

    /**
     * True when the payload begins with a UDP header: protocol 17 and the first fragment
     * (later fragments carry only data).
     */
    public boolean carriesUdpHeader() {
        return valid().protocol() == UdpDescriptor.IP_PROTOCOL_NUMBER && fragmentOffsetBytes() == 0;
    }

    /**
     * Points {@code udp} at this datagram's payload, over the same bytes: the layers share
     * one buffer and nothing is copied. Only the payload (up to Total Length) is visible to it.
     */
    public UdpHeader.Status wrapPayload(UdpHeader udp) {
        valid();
        return udp.wrapWithin(bytes, headerLength, totalLength);
    }

    /** Formats a 32-bit address as {@code a.b.c.d}; allocates, so keep it off the hot path. */
    public static String dottedQuad(int address) {
        return (address >>> 24) + "." + (address >>> 16 & 0xFF) + "." + (address >>> 8 & 0xFF) + "." + (address & 0xFF);
    }

    private WireBytes fixed() {
        if (status == Status.TRUNCATED) {
            throw new IllegalStateException("wrap() returned TRUNCATED: there is no IPv4 header to read");
        }
        return bytes;
    }

    private Ipv4Header valid() {
        if (status != Status.VALID) {
            throw new IllegalStateException("wrap() returned " + status + ": options and payload are not trustworthy");
        }
        return this;
    }

    @Override
    public String toString() {
        if (status == Status.TRUNCATED) {
            return "Ipv4Header[TRUNCATED]";
        }
        return "Ipv4Header[" + status + " " + dottedQuad(sourceAddress()) + " -> " + dottedQuad(destinationAddress())
                + ", protocol " + protocol() + ", ihl " + ihl() + ", total " + totalLength() + "]";
    }
}
