package dev.wirelab.async.virtual;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import dev.wirelab.core.echo.EchoConfig;
import dev.wirelab.core.metrics.ConnectionMetrics;
import dev.wirelab.core.protocol.Outgoing;
import dev.wirelab.core.protocol.Session;

/**
 * Echo as two tasks: a reader and a writer per connection, joined by a bounded queue — the
 * shape of tokio's {@code socket.split()} with an {@code mpsc::channel(n)} between the halves.
 *
 * <pre>
 *   reader (the connection's thread)     ArrayBlockingQueue(capacity)      writer (second virtual thread)
 *   in.read(buffer) ─ copy n bytes ─▶   [chunk][chunk] ... [chunk]   ─▶   out.write(chunk)
 *        put() parks when full  ◀── backpressure ───┘                 take() parks when empty
 *   at EOF: put(END) ──────────────────────────────────────────────▶    sends the rest, then returns
 * </pre>
 *
 * <p><b>What it buys.</b> Reading and writing overlap: while the writer is parked on a slow
 * peer, the reader keeps taking bytes until the queue is full, so a burst is absorbed instead
 * of stalling the read side. And the writer end is a natural funnel when several producers
 * write to one socket (a chat room, pub/sub fan-out) — the real reason async servers split
 * sockets; an echo server needs no second producer.
 *
 * <p><b>What it costs.</b> Two threads and a queue per connection; a copy and a fresh array per
 * read (the reader's buffer is reused, so each chunk must own its bytes); a park/unpark handoff
 * whenever the writer waits for the reader; and the error handling below, which the one-loop
 * {@link EchoLoop} does not need at all. Whether the overlap pays for that is measured by the
 * lab, not assumed.
 *
 * <p><b>Memory bound.</b> Unsent bytes are the queued chunks plus the chunk the writer is
 * sending plus the one the reader holds while it waits to enqueue: for echo at most
 * {@code (capacity + 2) * readBufferSize}, which {@link #capacity} keeps within
 * {@code maxPendingWriteBytes} (with a floor of one queued chunk). Over HTTP a chunk is the
 * replies to one read, which may be larger than the read; the count of chunks still bounds it.
 *
 * <p><b>Who stops whom.</b> The reader owns the connection. At EOF it enqueues {@link #END}
 * and waits for the writer to send everything. If reading fails (reset, idle timeout, forced
 * shutdown) it interrupts the writer. If writing fails, the writer closes the socket — so
 * the reader's next read fails at once — and keeps draining the queue so the reader is never
 * stuck in {@code put}.
 */
final class SplitEcho implements ConnectionLoop {

    /** The end-of-stream marker; compared by identity, so no real chunk can be mistaken for it. */
    private static final byte[] END = new byte[0];

    /** Queue slots so that queued + in-flight chunks fit in maxPendingWriteBytes. */
    static int capacity(EchoConfig config) {
        return Math.max(1, config.maxPendingWriteBytes() / config.readBufferSize() - 2);
    }

    /**
     * The hand-off between the halves ({@code queue=} option): {@code array} (default), one lock for
     * both ends; {@code linked}, a lock per end, so the reader's {@code put} and the writer's
     * {@code take} do not contend — at the price of a node allocated per chunk.
     */
    static BlockingQueue<byte[]> newQueue(EchoConfig config) {
        return "linked".equals(config.options().get("queue"))
                ? new java.util.concurrent.LinkedBlockingQueue<>(capacity(config))
                : new ArrayBlockingQueue<>(capacity(config));
    }

    @Override
    public void serve(Socket socket, Session session, EchoConfig config, ConnectionMetrics metrics,
                      IdleReaper.ReadClock clock)
            throws IOException, InterruptedException {
        BlockingQueue<byte[]> queue = newQueue(config);
        Writer writer = new Writer(socket, queue, metrics);
        Thread writerThread = Thread.ofVirtual().name(Thread.currentThread().getName() + "-writer").start(writer);

        // Phase 1: read until EOF or failure.
        Exception stop = null;
        try {
            read(socket, session, queue, config, metrics, clock);
        } catch (IOException | InterruptedException e) {
            stop = e;
            writerThread.interrupt();
        }

        // Phase 2: wait for the writer: after END it has sent everything; after an interrupt it has given up.
        joinUninterruptibly(writerThread);

        // Phase 3: report the first cause. The reader's own failure wins: an idle timeout stays an idle timeout
        // even if the interrupt then broke a write in progress.
        switch (stop) {
            case IOException io -> throw io;
            case InterruptedException interrupted -> throw interrupted;
            case null -> {
                if (writer.failure != null) {
                    throw writer.failure;
                }
            }
            default -> throw new AssertionError(stop);
        }
    }

    private static void read(Socket socket, Session session, BlockingQueue<byte[]> queue, EchoConfig config,
                             ConnectionMetrics metrics, IdleReaper.ReadClock clock) throws IOException, InterruptedException {
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[config.readBufferSize()];
        ByteBuffer input = ByteBuffer.wrap(buffer);
        Outgoing reply = new Outgoing();
        boolean peerEnded = false;
        while (true) {
            clock.reading();
            int n = in.read(buffer);
            clock.idle();
            if (n == -1) {
                peerEnded = true;
                break;
            }
            metrics.bytesRead().add(n);
            session.onInput(input.clear().limit(n), reply);
            enqueue(reply, queue);
            if (session.closeAfterOutput()) {
                break;
            }
        }
        if (peerEnded) {
            session.onEndOfInput(reply);
            enqueue(reply, queue);
        }
        queue.put(END);
    }

    /** The reader's buffer is reused, so each chunk owns a copy of what the session answered. */
    private static void enqueue(Outgoing reply, BlockingQueue<byte[]> queue) throws InterruptedException {
        if (!reply.isEmpty()) {
            queue.put(reply.toByteArray());   // parks while the queue is full: the backpressure
        }
        reply.clear();
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                // A forced shutdown; the writer is ending anyway (its socket is closed), so keep waiting.
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The second task: sends chunks in order until END. */
    private static final class Writer implements Runnable {
        private final Socket socket;
        private final BlockingQueue<byte[]> queue;
        private final ConnectionMetrics metrics;
        /** Written by the writer thread before it ends; read by the reader after join (join orders the two). */
        private IOException failure;

        Writer(Socket socket, BlockingQueue<byte[]> queue, ConnectionMetrics metrics) {
            this.socket = socket;
            this.queue = queue;
            this.metrics = metrics;
        }

        @Override
        public void run() {
            try {
                OutputStream out = socket.getOutputStream();
                for (byte[] chunk = queue.take(); chunk != END; chunk = queue.take()) {
                    out.write(chunk);
                    metrics.bytesWritten().add(chunk.length);
                }
            } catch (IOException e) {
                if (Thread.currentThread().isInterrupted()) {
                    return;   // the reader stopped us in the middle of a write; its cause is the one to report
                }
                failure = e;
                closeQuietly();
                discardUntilEnd();
            } catch (InterruptedException e) {
                // The reader gave up (its read failed): nothing more will be sent.
            }
        }

        /** Keeps the reader from parking forever in put() after the write side broke. */
        private void discardUntilEnd() {
            try {
                while (queue.take() != END) {
                    // drop it: the peer cannot receive it any more
                }
            } catch (InterruptedException e) {
                // The reader noticed the closed socket and stopped us.
            }
        }

        private void closeQuietly() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a broken socket can fail too; it is closed either way
            }
        }
    }
}
