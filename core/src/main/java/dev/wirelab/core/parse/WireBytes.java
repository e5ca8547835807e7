package dev.wirelab.core.parse;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A reusable window onto bytes that live somewhere else: a {@link ByteBuffer} (heap or
 * direct) or a {@link MemorySegment} (off-heap, mapped, or a heap array). Every reader in
 * this package goes through it, so each flyweight and parser works over both without
 * copying and without caring which one it got.
 *
 * <p>Indexes are <em>relative to the window's start</em>: {@code u8(0)} is the first byte
 * of the window. Reads are absolute, so they never move the buffer's position, and they
 * return fields in network byte order (big-endian) whatever {@link ByteBuffer#order()} the
 * caller set.
 *
 * <h2>How it stays fast</h2>
 * <ul>
 *   <li><b>Three backing stores, one branch.</b> {@code wrap} sorts the bytes once: a heap
 *       buffer's array is read directly ({@code array[base + i]}), which the JIT compiles to
 *       a plain load and whose bounds checks it hoists out of loops; a direct buffer or a
 *       segment goes through its own absolute getters. Each read then tests one field, not
 *       the type of the buffer.</li>
 *   <li><b>A field is one load.</b> A 16- or 32-bit field is read with one unaligned
 *       big-endian load (a {@link VarHandle} view of the array, {@code getShort}/{@code getInt}
 *       on a buffer, a big-endian {@link ValueLayout} on a segment), not assembled from two or
 *       four single-byte reads with a bounds check each.</li>
 *   <li><b>Bounds once.</b> {@code wrap} checks that the window lies inside the buffer; the
 *       readers check {@link #length()} once up front (that is what turns "too short" into a
 *       typed result instead of an exception) and then read freely.</li>
 *   <li><b>Searches go through a scanner.</b> {@link #indexOf}, {@link #indexOfControl},
 *       {@link #indexOfNonTchar} and {@link #indexOfNonVisible} hand the whole window to an
 *       {@link HttpScanner} in one call: eight bytes per step in plain Java (SWAR), or a
 *       whole vector per step when the {@code simd} module's scanner was chosen (see
 *       {@link HttpScanners}). A heap buffer is searched in its array; a direct buffer through
 *       a {@link MemorySegment} view made once per buffer and kept, so a connection that
 *       reuses its buffer allocates nothing to search it.</li>
 * </ul>
 *
 * <p>Not thread-safe; a window belongs to one reader, which rewraps it for each packet.
 */
final class WireBytes {

    /** Big-endian, unaligned: wire fields sit at any offset. Static, so reads allocate nothing. */
    private static final ValueLayout.OfShort SHORT_BE =
            ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfInt INT_BE =
            ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    /** Views of a byte[] as shorts/ints/longs at any byte index, in a fixed order. */
    private static final VarHandle ARRAY_SHORT_BE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle ARRAY_INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle ARRAY_LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfLong LONG_LE = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final HttpScanner scanner;

    // Exactly one of array / buffer / segment is non-null while wrapped.
    private byte[] array;        // a heap buffer's backing array: the fast path
    private ByteBuffer buffer;   // a direct (or read-only) buffer
    private MemorySegment segment;
    private long start;          // the window's first byte in the buffer or segment
    private int base;            // the window's first byte in array (arrayOffset included)
    private int length;

    // The last direct (or read-only) buffer seen, and a segment over all of it, for the scanner.
    private ByteBuffer viewedBuffer;
    private MemorySegment bufferView;

    /** A window whose searches use the scanner {@link HttpScanners} chose for this JVM. */
    WireBytes() {
        this(HttpScanners.chosen());
    }

    /** A window whose searches use {@code scanner} (tests and benchmarks pick one). */
    WireBytes(HttpScanner scanner) {
        this.scanner = scanner;
    }

    /**
     * Views {@code buffer[start, end)}. Returns false (and views nothing) when the range
     * does not lie below the buffer's limit (absolute reads past the limit would throw).
     */
    boolean wrap(ByteBuffer buffer, int start, int end) {
        if (start < 0 || end < start || end > buffer.limit()) {
            clear();
            return false;
        }
        // A read-only heap buffer hides its array (hasArray() is false): it takes the buffer path.
        boolean heap = buffer.hasArray();
        this.array = heap ? buffer.array() : null;
        this.buffer = heap ? null : buffer;
        this.segment = null;
        this.start = start;
        this.base = heap ? buffer.arrayOffset() + start : 0;
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
        this.array = null;
        this.buffer = null;
        this.segment = segment;
        this.start = start;
        this.base = 0;
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
        this.array = outer.array;
        this.buffer = outer.buffer;
        this.segment = outer.segment;
        this.start = outer.start + from;
        this.base = outer.base + from;
        this.length = to - from;
        return true;
    }

    void clear() {
        array = null;
        buffer = null;
        segment = null;
        start = 0;
        base = 0;
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

    // ---- fixed-width fields ----

    /**
     * The unsigned byte at {@code index} (0..255). The array path is kept tiny on purpose:
     * HotSpot inlines a method of up to 35 bytecodes wherever it is called, a bigger one only
     * where the call is hot, and the parsers call this from many lukewarm places.
     */
    int u8(int index) {
        byte[] a = array;
        return a != null ? a[base + index] & 0xFF : u8Elsewhere(index);
    }

    private int u8Elsewhere(int index) {
        if (buffer != null) {
            return buffer.get((int) start + index) & 0xFF;
        }
        return segment.get(ValueLayout.JAVA_BYTE, start + index) & 0xFF;
    }

    /** Eight bytes from {@code index} as a little-endian long (the byte at {@code index} lowest). */
    long u64LittleEndian(int index) {
        if (array != null) {
            return (long) ARRAY_LONG_LE.get(array, base + index);
        }
        if (buffer != null) {
            long raw = buffer.getLong((int) start + index);
            return buffer.order() == ByteOrder.LITTLE_ENDIAN ? raw : Long.reverseBytes(raw);
        }
        return segment.get(LONG_LE, start + index);
    }

    /** The unsigned big-endian 16-bit field at {@code index}. */
    int u16(int index) {
        if (array != null) {
            return (short) ARRAY_SHORT_BE.get(array, base + index) & 0xFFFF;
        }
        if (buffer != null) {
            // Absolute getShort uses the buffer's order; swap when the caller chose little-endian.
            short raw = buffer.getShort((int) start + index);
            return (buffer.order() == ByteOrder.BIG_ENDIAN ? raw : Short.reverseBytes(raw)) & 0xFFFF;
        }
        return segment.get(SHORT_BE, start + index) & 0xFFFF;
    }

    /** The big-endian 32-bit field at {@code index}, as Java's signed int (same bits). */
    int s32(int index) {
        if (array != null) {
            return (int) ARRAY_INT_BE.get(array, base + index);
        }
        if (buffer != null) {
            int raw = buffer.getInt((int) start + index);
            return buffer.order() == ByteOrder.BIG_ENDIAN ? raw : Integer.reverseBytes(raw);
        }
        return segment.get(INT_BE, start + index);
    }

    // ---- searching: one call to the scanner per search ----

    /** The index of the first {@code value} in {@code [from, to)}, or -1. */
    int indexOf(int value, int from, int to) {
        if (array != null) {
            return relative(scanner.indexOf(array, base + from, base + to, (byte) value), base);
        }
        return relative(scanner.indexOf(searchable(), start + from, start + to, (byte) value), start);
    }

    /**
     * The index of the first control byte in {@code [from, to)} other than HTAB — a byte
     * below 0x20 (but not 0x09) or DEL (0x7F), which field content may not hold — or -1.
     */
    int indexOfControl(int from, int to) {
        if (array != null) {
            return relative(scanner.indexOfControl(array, base + from, base + to), base);
        }
        return relative(scanner.indexOfControl(searchable(), start + from, start + to), start);
    }

    /** The index of the first byte in {@code [from, to)} that is not a token character, or -1. */
    int indexOfNonTchar(int from, int to) {
        if (array != null) {
            return relative(scanner.indexOfNonTchar(array, base + from, base + to), base);
        }
        return relative(scanner.indexOfNonTchar(searchable(), start + from, start + to), start);
    }

    /** The index of the first byte in {@code [from, to)} outside visible ASCII (0x21..0x7E), or -1. */
    int indexOfNonVisible(int from, int to) {
        if (array != null) {
            return relative(scanner.indexOfNonVisible(array, base + from, base + to), base);
        }
        return relative(scanner.indexOfNonVisible(searchable(), start + from, start + to), start);
    }

    /**
     * The scanner's fused field-line step from {@code from} (see {@link HttpScanner#fieldLine}):
     * four offsets relative to {@code from}, packed, for a clean line whose LF is before {@code to}; or -1.
     */
    long fieldLine(int from, int to) {
        if (array != null) {
            return scanner.fieldLine(array, base + from, base + to);
        }
        return scanner.fieldLine(searchable(), start + from, start + to);
    }

    /**
     * The scanner's structural index of {@code [from, to)} (see {@link HttpScanner#structuralIndex}):
     * bit k of block b describes byte {@code from + 64 b + k}. Returns the bytes indexed, or -1.
     */
    int structuralIndex(int from, int to, long[] index) {
        if (array != null) {
            return scanner.structuralIndex(array, base + from, base + to, index);
        }
        return scanner.structuralIndex(searchable(), start + from, start + to, index);
    }

    /** The scanner this window searches with. */
    HttpScanner scanner() {
        return scanner;
    }

    private static int relative(int found, int origin) {
        return found < 0 ? -1 : found - origin;
    }

    private static int relative(long found, long origin) {
        return found < 0 ? -1 : (int) (found - origin);
    }

    /**
     * The segment the scanner reads when there is no array: the wrapped segment, or a view of
     * the whole wrapped buffer (index i of the view is index i of the buffer). The view is
     * made the first time a buffer is searched and kept while the same buffer comes back.
     */
    private MemorySegment searchable() {
        if (segment != null) {
            return segment;
        }
        if (buffer != viewedBuffer) {
            bufferView = MemorySegment.ofBuffer(buffer.duplicate().clear());
            viewedBuffer = buffer;
        }
        return bufferView;
    }

    // ---- comparing and decoding text ----

    /** Decodes {@code [from, to)} as ISO-8859-1 (one char per byte). Allocates the String. */
    String latin1(int from, int to) {
        int count = to - from;
        if (array != null) {
            return new String(array, base + from, count, StandardCharsets.ISO_8859_1); // one copy
        }
        // Off-heap bytes must reach the heap first: one bulk copy, then String's own.
        byte[] copy = new byte[count];
        if (buffer != null) {
            buffer.get((int) start + from, copy);
        } else {
            MemorySegment.copy(segment, ValueLayout.JAVA_BYTE, start + from, copy, 0, count);
        }
        return new String(copy, StandardCharsets.ISO_8859_1);
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
        if (array != null) {
            return ByteBuffer.wrap(array, base + from, to - from).slice().asReadOnlyBuffer();
        }
        if (buffer != null) {
            return buffer.slice((int) start + from, to - from).asReadOnlyBuffer();
        }
        return segment.asSlice(start + from, to - from).asReadOnly().asByteBuffer();
    }

    private static int toLower(int c) {
        return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }
}
