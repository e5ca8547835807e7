package dev.wirelab.async.completion;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;
import java.nio.channels.InterruptedByTimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import dev.wirelab.core.echo.EchoConfig;
import dev.wirelab.core.metrics.ConnectionMetrics;
import dev.wirelab.core.protocol.Outgoing;
import dev.wirelab.core.protocol.Session;

/**
 * One connection's read-answer-write loop, written as callbacks; what to answer is the
 * connection's {@link Session} (echo, HTTP).
 *
 * <p>Compare with {@code EchoLoop} in the {@code virtual} package: there the loop is a
 * {@code while} statement; here it is two objects calling each other through the JDK. The
 * loop's "program counter" is which handler the JDK calls next, and its local variables live
 * in fields. This inversion is what {@code async}/{@code await} (and virtual threads) undo: the
 * compiler or the runtime builds this state machine so people do not have to.
 *
 * <pre>
 *             ┌────────────── buffer drained ───────────────┐
 *             ▼                                              │
 *   read(buffer) ──onRead(n ≥ 0)──▶ session ──▶ write(out) ──onWrite── remaining? ──yes──▶ write again
 *        │                                                        (a partial write is normal)
 *        └─onRead(-1) / failed ──▶ close
 * </pre>
 *
 * <p><b>Backpressure.</b> At most one operation is outstanding: the next read is issued only
 * after the write completed. A peer that stops reading stalls the write, so we stop reading
 * too; unsent bytes per connection never exceed one buffer.
 *
 * <p><b>Threads.</b> Handlers run on the channel group's pool; they must never block, or they
 * starve every other connection on that pool — the same rule as on an event loop.
 */
final class CompletionConnection {

    private final AsynchronousSocketChannel channel;
    private final ConnectionMetrics metrics;
    private final long idleMillis;
    private final Consumer<CompletionConnection> onClose;
    private final ByteBuffer buffer;
    private final Session session;
    /** What the session wants sent after the last read; drained before the next read is issued. */
    private final Outgoing out = new Outgoing();
    /** The peer or the protocol has ended the conversation: close once the output is sent. */
    private boolean ending;
    private final AtomicBoolean closed = new AtomicBoolean();

    private final CompletionHandler<Integer, Void> onRead = new CompletionHandler<>() {
        @Override
        public void completed(Integer n, Void unused) {
            if (n < 0) {
                // The peer shut down its output: everything read was answered; the protocol may owe a last word.
                ending = true;
                session.onEndOfInput(out);
                writeOrContinue();
                return;
            }
            metrics.bytesRead().add(n);
            buffer.flip();
            session.onInput(buffer, out);       // echo hands `buffer` straight back: written without a copy
            ending = session.closeAfterOutput();
            writeOrContinue();
        }

        @Override
        public void failed(Throwable cause, Void unused) {
            fail(cause);
        }
    };

    /** One buffer to send: the common case, and always the case for echo. */
    private final CompletionHandler<Integer, Void> onWrite = new CompletionHandler<>() {
        @Override
        public void completed(Integer n, Void unused) {
            metrics.bytesWritten().add(n);
            writeOrContinue();
        }

        @Override
        public void failed(Throwable cause, Void unused) {
            fail(cause);
        }
    };

    /** Several buffers (an HTTP head and a large body): one gathering write. */
    private final CompletionHandler<Long, Void> onGatheringWrite = new CompletionHandler<>() {
        @Override
        public void completed(Long n, Void unused) {
            metrics.bytesWritten().add(n);
            writeOrContinue();
        }

        @Override
        public void failed(Throwable cause, Void unused) {
            fail(cause);
        }
    };

    CompletionConnection(AsynchronousSocketChannel channel, Session session, EchoConfig config, ConnectionMetrics metrics,
                         Consumer<CompletionConnection> onClose) {
        this.channel = channel;
        this.session = session;
        this.metrics = metrics;
        this.idleMillis = config.idleTimeout().toMillis();   // 0 means no timeout, as the API reads it
        this.onClose = onClose;
        // Direct: the kernel copies into it without the JDK's intermediate direct buffer.
        this.buffer = ByteBuffer.allocateDirect(config.readBufferSize());
    }

    void start() {
        readNext();
    }

    /** Sends what is still owed (a partial write is normal: send the rest first); then read again, or close. */
    private void writeOrContinue() {
        if (!out.isEmpty()) {
            if (out.count() == 1) {
                channel.write(out.get(0), null, onWrite);
            } else {
                channel.write(out.buffers(), 0, out.count(), 0, TimeUnit.MILLISECONDS, null, onGatheringWrite);
            }
            return;
        }
        out.clear();
        if (ending) {
            close();
        } else {
            readNext();
        }
    }

    private void readNext() {
        buffer.clear();
        channel.read(buffer, idleMillis, TimeUnit.MILLISECONDS, null, onRead);
    }

    private void fail(Throwable cause) {
        switch (cause) {
            case InterruptedByTimeoutException _ -> metrics.idleTimeouts().increment();
            case AsynchronousCloseException _ -> { }   // we closed it (shutdown): not the peer's error
            default -> metrics.errors().increment();
        }
        close();
    }

    /** Stops taking input; a parked read completes with -1 and the connection ends after its last write. */
    void shutdownInput() {
        try {
            channel.shutdownInput();
        } catch (IOException ignored) {
            // already closed: nothing to stop
        }
    }

    void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closed either way
            }
            onClose.accept(this);
        }
    }
}
