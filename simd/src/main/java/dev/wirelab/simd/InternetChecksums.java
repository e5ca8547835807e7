package dev.wirelab.simd;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * The Internet checksum (RFC 1071) on whichever path {@link SimdSupport} chose: Vector API
 * kernels when {@code jdk.incubator.vector} is loaded, the 64-bit scalar kernel otherwise.
 * Results are bit-for-bit those of core's reference
 * {@link dev.wirelab.core.checksum.InternetChecksum}; read that class for the arithmetic.
 *
 * <p>{@code sum} methods return the folded ones' complement sum (what a receiver compares
 * with {@code 0xFFFF}); {@code checksum} methods return its complement (what a sender
 * writes into the header). To mix with the incremental reference, e.g. a pseudo-header
 * and a large payload:
 * <pre>{@code
 * int checksum = new InternetChecksum()
 *         .updateIpv4PseudoHeader(src, dst, 17, udp.remaining())
 *         .addPartialSum(InternetChecksums.sum(udp), udp.remaining())
 *         .checksum();
 * }</pre>
 * Any offset and length; stateless and thread-safe.
 */
public final class InternetChecksums {

    private static final Kernels KERNELS = SimdSupport.KERNELS;

    private InternetChecksums() {
    }

    /** The folded sum of every byte of {@code data} (heap or native). */
    public static int sum(MemorySegment data) {
        return KERNELS.checksum(data);
    }

    /** The folded sum of {@code data[offset, offset + length)}. */
    public static int sum(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        return KERNELS.checksum(MemorySegment.ofArray(data).asSlice(offset, length));
    }

    /** The folded sum of the bytes between position and limit; heap or direct. The position does not move. */
    public static int sum(ByteBuffer buffer) {
        return KERNELS.checksum(MemorySegment.ofBuffer(buffer));
    }

    /** The checksum ({@code ~sum}) of every byte of {@code data}. */
    public static int checksum(MemorySegment data) {
        return ~sum(data) & 0xFFFF;
    }

    /** The checksum ({@code ~sum}) of {@code data[offset, offset + length)}. */
    public static int checksum(byte[] data, int offset, int length) {
        return ~sum(data, offset, length) & 0xFFFF;
    }

    /** The checksum ({@code ~sum}) of the bytes between position and limit. The position does not move. */
    public static int checksum(ByteBuffer buffer) {
        return ~sum(buffer) & 0xFFFF;
    }
}
