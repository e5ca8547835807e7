package dev.wirelab.simd;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Byte scanning for protocol parsers on whichever path {@link SimdSupport} chose: find the
 * end of a header line ({@code "\r\n"}), find the first of a few delimiters (say
 * {@code ':'}, {@code '\r'}, {@code '\n'}), or validate that a run of bytes is all token
 * characters (RFC 9110 {@code tchar}) or all ASCII.
 *
 * <p>Each operation comes in three forms that return the same thing, an absolute index or
 * {@code -1} for "not found":
 * <ul>
 *   <li>{@code MemorySegment} from an index to the end: an index into the segment;</li>
 *   <li>{@code byte[]} between {@code from} and {@code to}: an index into the array;</li>
 *   <li>{@code ByteBuffer} between position and limit: an index into the buffer (what
 *       {@code buffer.get(index)} takes). The position does not move.</li>
 * </ul>
 * A scan never reads outside its range. Stateless and thread-safe.
 */
public final class ByteScan {

    private static final Kernels KERNELS = SimdSupport.KERNELS;

    private ByteScan() {
    }

    // ---- "\r\n" ----------------------------------------------------------------------------

    /** The index of the first {@code "\r\n"} at or after {@code from}, or -1. */
    public static long indexOfCrlf(MemorySegment data, long from) {
        Objects.checkIndex(from, data.byteSize() + 1);
        return KERNELS.indexOfCrlf(data, from);
    }

    /** The index of the first {@code "\r\n"} lying wholly within {@code data[from, to)}, or -1. */
    public static int indexOfCrlf(byte[] data, int from, int to) {
        return absolute(from, KERNELS.indexOfCrlf(slice(data, from, to), 0));
    }

    /** The index of the first {@code "\r\n"} between position and limit, or -1. */
    public static int indexOfCrlf(ByteBuffer buffer) {
        return absolute(buffer.position(), KERNELS.indexOfCrlf(MemorySegment.ofBuffer(buffer), 0));
    }

    // ---- the first byte of a set -------------------------------------------------------------

    /** The index of the first byte at or after {@code from} that is in {@code set}, or -1. */
    public static long indexOfAny(MemorySegment data, long from, AsciiSet set) {
        Objects.checkIndex(from, data.byteSize() + 1);
        return KERNELS.indexOfAny(data, from, set);
    }

    /** The index of the first byte of {@code data[from, to)} that is in {@code set}, or -1. */
    public static int indexOfAny(byte[] data, int from, int to, AsciiSet set) {
        return absolute(from, KERNELS.indexOfAny(slice(data, from, to), 0, set));
    }

    /** The index of the first byte between position and limit that is in {@code set}, or -1. */
    public static int indexOfAny(ByteBuffer buffer, AsciiSet set) {
        return absolute(buffer.position(), KERNELS.indexOfAny(MemorySegment.ofBuffer(buffer), 0, set));
    }

    // ---- validation: the first byte outside a set --------------------------------------------

    /** The index of the first byte at or after {@code from} that is not in {@code set}, or -1 if all are. */
    public static long indexOfNonMember(MemorySegment data, long from, AsciiSet set) {
        Objects.checkIndex(from, data.byteSize() + 1);
        return KERNELS.indexOfNonMember(data, from, set);
    }

    /** The index of the first byte of {@code data[from, to)} that is not in {@code set}, or -1 if all are. */
    public static int indexOfNonMember(byte[] data, int from, int to, AsciiSet set) {
        return absolute(from, KERNELS.indexOfNonMember(slice(data, from, to), 0, set));
    }

    /** The index of the first byte between position and limit that is not in {@code set}, or -1 if all are. */
    public static int indexOfNonMember(ByteBuffer buffer, AsciiSet set) {
        return absolute(buffer.position(), KERNELS.indexOfNonMember(MemorySegment.ofBuffer(buffer), 0, set));
    }

    /** Token validation (a method, a header field name): the first non-{@code tchar} byte of {@code data[from, to)}, or -1. */
    public static int indexOfNonTchar(byte[] data, int from, int to) {
        return indexOfNonMember(data, from, to, AsciiSet.TCHAR);
    }

    /** Token validation between position and limit: the first non-{@code tchar} byte, or -1. */
    public static int indexOfNonTchar(ByteBuffer buffer) {
        return indexOfNonMember(buffer, AsciiSet.TCHAR);
    }

    private static MemorySegment slice(byte[] data, int from, int to) {
        Objects.checkFromToIndex(from, to, data.length);
        return MemorySegment.ofArray(data).asSlice(from, to - from);
    }

    private static int absolute(int base, long found) {
        return found < 0 ? -1 : base + (int) found;
    }
}
