package dev.wirelab.nio.selector;

import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

import dev.wirelab.core.metrics.Gauge;
import dev.wirelab.core.protocol.Session;

/**
 * One client connection as its event loop sees it: the socket, the bytes still owed to the
 * peer, and the flags that decide which readiness the loop asks the selector for.
 *
 * <p><b>Ownership.</b> The acceptor builds a {@code SelectorConnection} and hands it to one
 * {@link EventLoop} through that loop's queue; from then on only that loop's thread reads or
 * writes any field here. The queue's hand-over is the happens-before edge that publishes the
 * constructor's writes, so no field needs to be volatile.
 *
 * <p><b>The output buffer.</b> Most echoes never touch {@link #pending}: the loop writes
 * straight from its own read buffer and the socket takes every byte. Only when the socket's
 * send buffer is full (a partial write) do the leftover bytes move here. The buffer is kept
 * in <em>fill mode</em> (position = end of the data), so appending is a plain {@code put};
 * draining it is the ByteBuffer dance {@code flip} → {@code write} → {@code compact}.
 * It is allocated on the first partial write and grows by doubling up to
 * {@code maxPendingWriteBytes}. The lab simplifies here: a production server would borrow
 * these buffers from a pooled allocator (Netty's {@code PooledByteBufAllocator}) instead of
 * keeping one per slow connection.
 */
final class SelectorConnection {

    /** The socket; non-blocking, registered with exactly one selector. */
    final SocketChannel channel;

    /** Counts this connection in the server's "active" gauge; closed exactly once. */
    final Gauge.Guard activeGuard;

    /** What this connection speaks (echo, HTTP); opened when the loop adopts it. */
    Session session;

    /** This connection's registration with its loop's selector; set when the loop adopts it. */
    SelectionKey key;

    /** The interest set last handed to {@link #key}, kept here so we only call {@code interestOps(int)} on a change. */
    int interestOps;

    /** {@code true} while reading is paused because {@link #pendingBytes()} reached the high-water mark. */
    boolean readPaused;

    /**
     * {@code true} once nothing more will be read: the peer shut down its output (read returned
     * -1), or the protocol asked to close ({@link Session#closeAfterOutput()}). Send what is
     * owed, then close.
     */
    boolean inputShutdown;

    /** When bytes last moved in either direction ({@link System#nanoTime()}); drives the idle timeout. */
    long lastActiveNanos;

    /** Links in the owning loop's {@link ActivityList}, least recently active first. */
    SelectorConnection prev;
    SelectorConnection next;

    /** Bytes read but not yet written back, in fill mode; {@code null} until the first partial write. */
    private ByteBuffer pending;

    SelectorConnection(SocketChannel channel, Gauge.Guard activeGuard) {
        this.channel = channel;
        this.activeGuard = activeGuard;
    }

    /** Bytes this connection holds for the peer: read from it, not yet written back. */
    int pendingBytes() {
        return pending == null ? 0 : pending.position();
    }

    /**
     * Appends the remaining bytes of {@code src} behind whatever is already pending, growing
     * the buffer if needed. The caller guarantees the total stays within {@code limit}.
     */
    void stash(ByteBuffer src, int limit) {
        int needed = pendingBytes() + src.remaining();
        if (pending == null || needed > pending.capacity()) {
            grow(needed, limit);
        }
        pending.put(src);
    }

    /**
     * Writes as much pending output as the socket takes now.
     *
     * @return bytes written (0 when the send buffer is still full)
     */
    int flush() throws java.io.IOException {
        if (pending == null || pending.position() == 0) {
            return 0;
        }
        // flip: [0, end of data) becomes readable; write takes what the kernel accepts;
        // compact: slide the unwritten tail to the front and go back to fill mode.
        pending.flip();
        int written = channel.write(pending);
        pending.compact();
        return written;
    }

    private void grow(int needed, int limit) {
        if (needed > limit) {
            throw new IllegalStateException("pending output " + needed + " B would exceed its bound " + limit
                    + " B: the loop must stop reading before this happens");
        }
        int capacity = pending == null ? Math.min(limit, Math.max(needed, 4096)) : pending.capacity();
        while (capacity < needed) {
            capacity = (int) Math.min(limit, 2L * capacity);
        }
        ByteBuffer bigger = ByteBuffer.allocate(capacity);
        if (pending != null) {
            pending.flip();
            bigger.put(pending);
        }
        pending = bigger;
    }
}
