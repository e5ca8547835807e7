package dev.wirelab.core.parse;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

import static dev.wirelab.core.parse.UdpDescriptor.CHECKSUM_OFFSET;
import static dev.wirelab.core.parse.UdpDescriptor.DESTINATION_PORT_OFFSET;
import static dev.wirelab.core.parse.UdpDescriptor.LENGTH;
import static dev.wirelab.core.parse.UdpDescriptor.LENGTH_FIELD_OFFSET;
import static dev.wirelab.core.parse.UdpDescriptor.SOURCE_PORT_OFFSET;

/**
 * A flyweight over a UDP header: it copies nothing and allocates nothing, it just reads the
 * fields described by {@link UdpDescriptor} straight out of the bytes it wraps.
 *
 * <p><b>The idea.</b> A naive parser turns every datagram into a fresh object holding four
 * ints. At a million datagrams a second that is a million short-lived objects for the
 * garbage collector. A flyweight turns it around: one long-lived object per thread,
 * re-pointed ({@code wrap}) at each new datagram, with accessors that decode a field only
 * when asked. Rust gets the same effect by borrowing a {@code &[u8]}; in Java the "borrow"
 * is a convention: <em>the values are only meaningful until the next {@code wrap}, and only
 * while nobody overwrites the buffer.</em>
 *
 * <pre>{@code
 * UdpHeader udp = new UdpHeader();            // once per thread
 * for (ByteBuffer datagram : received) {
 *     if (udp.wrap(datagram, 0) == UdpHeader.Status.VALID) {
 *         route(udp.destinationPort(), udp.payloadLength());
 *     }
 * }
 * }</pre>
 *
 * <p><b>Bad bytes give a status, never an exception.</b> {@code wrap} checks the only
 * things a header can get wrong (too short, a length field that contradicts the bytes) and
 * says which with a {@link Status}. The field accessors need the eight header bytes to
 * exist; calling one after {@code wrap} said {@link Status#TRUNCATED} is a bug in the
 * caller, not bad input, and throws {@link IllegalStateException}.
 *
 * <p><b>What the lab leaves out:</b> verifying the checksum needs the IP pseudo-header and
 * the RFC 1071 sum (package {@code dev.wirelab.core.checksum}); this class only exposes the
 * field. Not thread-safe: one flyweight per thread.
 */
public final class UdpHeader {

    /** What {@code wrap} found. */
    public enum Status {
        /** Header present and its length field agrees with the bytes available. */
        VALID,
        /** Fewer than {@value UdpDescriptor#LENGTH} bytes: there is no header to read. */
        TRUNCATED,
        /** The length field is below 8, the header's own size; the datagram is corrupt. */
        LENGTH_FIELD_TOO_SMALL,
        /**
         * The length field promises more bytes than were given (a capture cut by its
         * snap length, or a lie). The header fields are readable; the payload is not whole.
         */
        LENGTH_FIELD_BEYOND_DATA
    }

    private final WireBytes bytes = new WireBytes();
    private Status status = Status.TRUNCATED;
    private int lengthField; // read once by wrap's checks, kept for payloadLength()

    /** Wraps {@code buffer[offset, limit)}; the buffer's position and order are ignored. */
    public Status wrap(ByteBuffer buffer, int offset) {
        return wrap(buffer, offset, buffer.limit());
    }

    /** Wraps {@code buffer[offset, end)}: the datagram may be followed by other bytes. */
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

    /** Wraps a window an outer header (IPv4) already holds: no copy between layers. */
    Status wrapWithin(WireBytes outer, int from, int to) {
        return check(bytes.wrapWithin(outer, from, to));
    }

    private Status check(boolean inRange) {
        // Phase 1: are the eight header bytes there at all?
        if (!inRange || bytes.length() < LENGTH) {
            bytes.clear();
            return status = Status.TRUNCATED;
        }
        // Phase 2: does the length field agree with itself and with the bytes we hold?
        lengthField = bytes.u16(LENGTH_FIELD_OFFSET);
        if (lengthField < LENGTH) {
            return status = Status.LENGTH_FIELD_TOO_SMALL;
        }
        if (lengthField > bytes.length()) {
            return status = Status.LENGTH_FIELD_BEYOND_DATA;
        }
        return status = Status.VALID;
    }

    /** The result of the last {@code wrap}. */
    public Status status() {
        return status;
    }

    /** True when the last {@code wrap} returned {@link Status#VALID}. */
    public boolean isValid() {
        return status == Status.VALID;
    }

    public int sourcePort() {
        return header().u16(SOURCE_PORT_OFFSET);
    }

    public int destinationPort() {
        return header().u16(DESTINATION_PORT_OFFSET);
    }

    /** The length field: header plus payload, in bytes, as the sender claimed it. */
    public int lengthField() {
        header();
        return lengthField;
    }

    /** The checksum field as sent (0 over IPv4 means "not computed"). */
    public int checksum() {
        return header().u16(CHECKSUM_OFFSET);
    }

    /**
     * Payload bytes actually present: the length field minus the header, capped by the bytes
     * wrapped. Bytes after the declared length (Ethernet padding) are not payload.
     */
    public int payloadLength() {
        int declared = Math.max(lengthField(), LENGTH);
        return Math.min(declared, bytes.length()) - LENGTH;
    }

    /** The payload byte at {@code index} (0-based from the payload's start), unsigned. */
    public int payloadByte(int index) {
        if (index < 0 || index >= payloadLength()) {
            throw new IndexOutOfBoundsException("payload index " + index + " outside [0, " + payloadLength() + ")");
        }
        return bytes.u8(LENGTH + index);
    }

    /** Where the payload starts in the wrapped buffer or segment (an absolute index). */
    public long payloadStart() {
        return header().start() + LENGTH;
    }

    private WireBytes header() {
        if (status == Status.TRUNCATED) {
            throw new IllegalStateException("wrap() returned TRUNCATED: there is no UDP header to read");
        }
        return bytes;
    }

    @Override
    public String toString() {
        if (status == Status.TRUNCATED) {
            return "UdpHeader[TRUNCATED]";
        }
        return "UdpHeader[" + status + " " + sourcePort() + " -> " + destinationPort()
                + ", length " + lengthField() + ", checksum 0x" + Integer.toHexString(checksum()) + "]";
    }
}
