package dev.wirelab.core.parse;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A reusable window onto bytes that live somewhere else: a {@link ByteBuffer} (heap or
 * direct) or a {@link MemorySegment} (off-heap, mapped, or a heap array). Every reader in
 * this package goes through it, so each flyweight and parser works over both without
 * copying and without caring which one it got.
 *
 * <p>Indexes are <em>relative to the window's start</em>: {@code u8(0)} is the first byte
 * of the window. Reads are absolute ({@code buffer.get(int)}), so they never move the
 * buffer's position, and they assemble multi-byte fields in network byte order (big-endian)
 * whatever {@link ByteBuffer#order()} the caller set.
 *
 * <p>Bounds are the caller's job: readers check {@link #length()} once up front (that is
 * what turns "too short" into a typed result instead of an exception) and then read freely.
 *
 * <p>Not thread-safe; a window belongs to one reader, which rewraps it for each packet.
 */
final class WireBytes {

    /** Big-endian, unaligned: wire fields sit at any offset. Static, so reads allocate nothing. */
    private static final ValueLayout.OfShort SHORT_BE =
            ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfInt INT_BE =
            ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    // Exactly one of buffer / segment is non-null while wrapped.
    private ByteBuffer buffer;
    private MemorySegment segment;
    private long start;
    private int length;

    /**
     * Views {@code buffer[start, end)}. Returns false (and views nothing) when the range
     * does not lie below the buffer's limit (absolute reads past the limit would throw).
     */
    boolean wrap(ByteBuffer buffer, int start, int end) {
        if (start < 0 || end < start || end > buffer.limit()) {
            clear();
            return false;
        }
        this.buffer = buffer;
        this.segment = null;
        this.start = start;
        this.length = end - start;
        return true;
    }

    /**
     * Views {@code segment[start, end)}; windows are capped at {@code Integer.MAX_VALUE}
     * bytes, far beyond any header. Returns false when the range is outside the segment.
     */
    boolean wrap(MemorySegment segment, long start, long end) {
        if (start < 0 || end < start || end > segment.byteSize() || end - start > Integer.MAX_VALUE) {
            clear();
            return false;
        }
        this.buffer = null;
        this.segment = segment;
        this.start = start;
        this.length = (int) (end - start);
        return true;
    }

    /**
     * Views {@code outer[from, to)} (indexes relative to {@code outer}'s window) over the same
     * buffer or segment: how a header hands its payload to the next layer without copying.
     */
    boolean wrapWithin(WireBytes outer, int from, int to) {
        if (from < 0 || to < from || to > outer.length) {
            clear();
            return false;
        }
        this.buffer = outer.buffer;
        this.segment = outer.segment;
        this.start = outer.start + from;
        this.length = to - from;
        return true;
    }

    void clear() {
        buffer = null;
        segment = null;
        start = 0;
        length = 0;
    }

    /** How many bytes the window shows. */
    int length() {
        return length;
    }

    /** Where the window starts in the underlying buffer or segment. */
    long start() {
        return start;
    }

    /** The unsigned byte at {@code index} (0..255). */
    int u8(int index) {
        if (segment != null) {
            return segment.get(ValueLayout.JAVA_BYTE, start + index) & 0xFF;
        }
        return buffer.get((int) start + index) & 0xFF;
    }

    /** The unsigned big-endian 16-bit field at {@code index}. */
    int u16(int index) {
        if (segment != null) {
            return segment.get(SHORT_BE, start + index) & 0xFFFF;
        }
        int at = (int) start + index;
        return (buffer.get(at) & 0xFF) << 8 | buffer.get(at + 1) & 0xFF;
    }

    /** The big-endian 32-bit field at {@code index}, as Java's signed int (same bits). */
    int s32(int index) {
        if (segment != null) {
            return segment.get(INT_BE, start + index);
        }
        int at = (int) start + index;
        return (buffer.get(at) & 0xFF) << 24 | (buffer.get(at + 1) & 0xFF) << 16
                | (buffer.get(at + 2) & 0xFF) << 8 | buffer.get(at + 3) & 0xFF;
    }

    /** Decodes {@code [from, to)} as ISO-8859-1 (one char per byte). Allocates the String. */
    String latin1(int from, int to) {
        byte[] bytes = new byte[to - from];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) u8(from + i);
        }
        return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** True when {@code [from, to)} equals {@code ascii}, ignoring ASCII case. Allocates nothing. */
    boolean equalsIgnoreCase(int from, int to, String ascii) {
        if (to - from != ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (toLower(u8(from + i)) != toLower(ascii.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** True when {@code [from, to)} equals {@code ascii} exactly. Allocates nothing. */
    boolean equalsExactly(int from, int to, String ascii) {
        if (to - from != ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (u8(from + i) != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A read-only {@link ByteBuffer} over {@code [from, to)}: a new view object, but the
     * bytes themselves are shared, not copied.
     */
    ByteBuffer slice(int from, int to) {
        if (segment != null) {
            return segment.asSlice(start + from, to - from).asReadOnly().asByteBuffer();
        }
        return buffer.slice((int) start + from, to - from).asReadOnlyBuffer();
    }

    /** The index of the first {@code value} in {@code [from, to)}, or -1. */
    int indexOf(int value, int from, int to) {
        for (int i = from; i < to; i++) {
            if (u8(i) == value) {
                return i;
            }
        }
        return -1;
    }

    private static int toLower(int c) {
        return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }
}
