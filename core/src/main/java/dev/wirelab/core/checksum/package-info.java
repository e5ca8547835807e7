/**
 * The Internet checksum of RFC 1071, written once, plainly, as the reference every faster
 * version is tested against.
 *
 * <p>{@link dev.wirelab.core.checksum.InternetChecksum} is incremental: feed it a packet in
 * as many slices as it arrived in ({@code byte[]}, heap or direct {@code ByteBuffer},
 * {@code MemorySegment}), odd lengths included, and read the checksum at the end. It is
 * deliberately the straightforward two-bytes-at-a-time loop: its job is to be obviously
 * right. The {@code simd} module holds the fast versions (64-bit scalar and Vector API)
 * and proves them equal to this one.
 */
package dev.wirelab.core.checksum;
