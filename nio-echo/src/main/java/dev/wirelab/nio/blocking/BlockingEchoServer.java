package dev.wirelab.nio.blocking;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import dev.wirelab.core.echo.EchoConfig;
import dev.wirelab.core.echo.EchoServer;
import dev.wirelab.core.metrics.ConnectionMetrics;
import dev.wirelab.core.metrics.Gauge;
import dev.wirelab.core.protocol.Outgoing;
import dev.wirelab.core.protocol.Protocol;
import dev.wirelab.core.protocol.Session;

/**
 * The baseline: one platform thread per connection, blocking reads and writes. Every other
 * variant in wirelab is measured against this one.
 *
 * <pre>
 *   acceptor thread                 one thread per connection
 *   ───────────────                 ─────────────────────────
 *   loop:                           loop:
 *     socket = accept()               n = read(buf)      ← blocks until bytes, EOF or timeout
 *     over the limit? close it        write(buf, 0, n)   ← blocks until the kernel took all n
 *     else start a thread ─────────▶
 * </pre>
 *
 * <p><b>Why it is the baseline.</b> The code is the shortest correct echo server there is,
 * and the kernel does the hard parts. Its cost is one thread per connection: each platform
 * thread reserves a stack (about 1 MiB of address space by default) and costs a kernel
 * context switch whenever it blocks, so it scales to thousands of connections, not hundreds
 * of thousands. The selector, event-loop, virtual-thread and actor variants exist to remove
 * exactly that cost; comparing them to this one shows what removing it buys.
 *
 * <p><b>Backpressure comes for free.</b> A blocking {@code write} returns only once the
 * kernel has taken every byte. When the peer stops reading, its receive window and our send
 * buffer fill, {@code write} blocks, and because the same thread does the reading, the
 * server stops reading too. The peer's own writes then fill the kernel buffers in the other
 * direction and block. So the bytes this server holds in user space never exceed one read
 * buffer, below any {@code maxPendingWriteBytes} the config allows (which is at least
 * {@code readBufferSize}). Non-blocking servers must build this same behaviour by hand.
 *
 * <p><b>Idle timeout</b> is the socket's {@code SO_TIMEOUT}: a read that waits longer than
 * {@code idleTimeout} throws {@link SocketTimeoutException}, and the connection is closed
 * and counted. The timer restarts at each read, i.e. after each echo has been written.
 *
 * <p><b>Refusal</b>: over {@code maxConnections}, the acceptor accepts the connection and
 * closes it at once (the peer sees end-of-stream), counting it as refused. Leaving it in the
 * backlog instead would make the peer hang with no answer.
 *
 * <p><b>Graceful shutdown</b> closes the listener, then shuts down the input side of each
 * connection: a thread blocked in {@code read} wakes up with end-of-stream, and since every
 * byte it read has already been written back (writes are synchronous), it closes cleanly.
 * A thread blocked in {@code write} to a peer that does not read keeps its connection until
 * the deadline, when the socket is closed under it.
 *
 * <p><b>Where it simplifies.</b> A production server would also bound how long a
 * {@code write} may block ({@code SO_TIMEOUT} covers reads only), so a peer that never reads
 * cannot hold a thread forever; this one relies on the shutdown deadline for that. The
 * thread count is {@code maxConnections + 1}; {@code ioThreads} does not apply.
 */
public final class BlockingEchoServer implements EchoServer {

    private final String name;
    private final EchoConfig config;
    private final ServerSocket listener;
    private final InetSocketAddress localAddress;
    private final ConnectionMetrics metrics = new ConnectionMetrics();
    private final Protocol.Sessions sessions;
    private final Set<ConnectionThread> connections = ConcurrentHashMap.newKeySet();
    private final AtomicLong connectionIds = new AtomicLong();
    private final Thread acceptor;
    private volatile boolean stopping;

    private BlockingEchoServer(String name, EchoConfig config, ServerSocket listener) {
        this.name = name;
        this.config = config;
        this.sessions = config.protocol().sessions(metrics);
        this.listener = listener;
        this.localAddress = (InetSocketAddress) listener.getLocalSocketAddress();
        this.acceptor = Thread.ofPlatform().name(name + "-acceptor").daemon().unstarted(this::acceptLoop);
    }

    /** Binds to {@code config.host():config.port()} and starts accepting; returns once listening. */
    public static BlockingEchoServer start(EchoConfig config) throws IOException {
        return start(BlockingEchoServerProvider.NAME, config);
    }

    static BlockingEchoServer start(String name, EchoConfig config) throws IOException {
        if (!config.options().isEmpty()) {
            throw new IllegalArgumentException(name + " takes no options, got " + config.options());
        }
        ServerSocket listener = new ServerSocket();
        try {
            listener.setReuseAddress(true);
            listener.bind(new InetSocketAddress(config.host(), config.port()), config.backlog());
        } catch (IOException e) {
            listener.close();
            throw e;
        }
        BlockingEchoServer server = new BlockingEchoServer(name, config, listener);
        server.acceptor.start();
        return server;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    @Override
    public ConnectionMetrics.Snapshot metrics() {
        return metrics.snapshot();
    }

    @Override
    public String details() {
        return "threads=platform, one per connection";
    }

    // ---------------------------------------------------------------------------------
    // Accepting
    // ---------------------------------------------------------------------------------

    private void acceptLoop() {
        while (!stopping) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                // Closing the listener is how shutdown stops this loop; anything else is a
                // failed accept (e.g. out of file descriptors): count it and keep serving, after
                // a pause: the connection is still queued, so an immediate retry fails the same
                // way, and the loop would spin on a core exactly when resources are short.
                if (!stopping) {
                    metrics.errors().increment();
                    pauseAfterFailedAccept();
                }
                continue;
            }
            admit(socket);
        }
    }

    private static void pauseAfterFailedAccept() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void admit(Socket socket) {
        // Only this thread raises "active", so the value read here can only be too high (a
        // connection about to close), never too low: we may refuse early, never overshoot.
        if (metrics.active().get() >= config.maxConnections()) {
            metrics.refused().increment();
            closeQuietly(socket);
            return;
        }
        ConnectionThread connection;
        try {
            connection = new ConnectionThread(socket);
        } catch (IOException e) {
            metrics.errors().increment();
            closeQuietly(socket);
            return;
        }
        metrics.accepted().increment();
        connection.start(metrics.active().enter());
    }

    // ---------------------------------------------------------------------------------
    // Shutting down
    // ---------------------------------------------------------------------------------

    @Override
    public boolean shutdown(Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        // Phase 1: no new connections.
        stopping = true;
        closeQuietly(listener);
        acceptor.join(Math.max(1, deadline.toMillis()));

        // Phase 2: wake every reader with end-of-stream; each finishes and closes itself.
        for (ConnectionThread c : connections) {
            c.stopReading();
        }
        boolean finished = awaitConnections(end);

        // Phase 3: whatever is still running (blocked writing to a peer that does not read) is cut off.
        if (!finished) {
            for (ConnectionThread c : connections) {
                c.forceClose();
            }
            awaitConnections(System.nanoTime() + Duration.ofSeconds(1).toNanos());
        }
        return finished;
    }

    private boolean awaitConnections(long endNanos) throws InterruptedException {
        for (ConnectionThread c : connections) {
            long left = endNanos - System.nanoTime();
            if (left <= 0 || !c.awaitEnd(Duration.ofNanos(left))) {
                return connections.isEmpty();
            }
        }
        return connections.isEmpty();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Closing is best effort: the resource is unusable either way.
        }
    }

    // ---------------------------------------------------------------------------------
    // One connection, one thread
    // ---------------------------------------------------------------------------------

    private final class ConnectionThread implements Runnable {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final Thread thread;
        private Gauge.Guard active;
        private volatile boolean forced;

        /** Takes the streams here, on the acceptor, so a shutdown racing the thread start cannot fail them. */
        ConnectionThread(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
            this.thread = Thread.ofPlatform()
                    .name(name + "-conn-" + connectionIds.incrementAndGet())
                    .daemon()
                    .unstarted(this);
        }

        void start(Gauge.Guard activeGuard) {
            this.active = activeGuard;     // published to the new thread by Thread.start
            connections.add(this);
            thread.start();
        }

        @Override
        public void run() {
            try {
                socket.setTcpNoDelay(true);   // echo small messages at once, not after Nagle's delay
                if (config.sendBufferSize() > 0) {
                    // A fixed SO_SNDBUF (auto-tuning off): a small one makes write() block sooner.
                    socket.setSendBufferSize(config.sendBufferSize());
                }
                socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, config.idleTimeout().toMillis()));
                serveUntilEnd();
            } catch (IOException e) {
                // A reset or broken pipe from the peer is an error; our own forced close is not.
                if (!forced) {
                    metrics.errors().increment();
                }
            } finally {
                closeQuietly(socket);
                connections.remove(this);
                metrics.closed().increment();
                active.close();   // last: whoever sees "active" drop also sees the counts above
            }
        }

        /** Read, let the protocol answer, write what it answered; until the peer or the protocol ends it. */
        private void serveUntilEnd() throws IOException {
            byte[] buf = new byte[config.readBufferSize()];
            ByteBuffer input = ByteBuffer.wrap(buf);
            Outgoing reply = new Outgoing();
            Session session = sessions.open(String.valueOf(socket.getRemoteSocketAddress()));
            while (true) {
                int n;
                try {
                    n = in.read(buf);
                } catch (SocketTimeoutException e) {
                    metrics.idleTimeouts().increment();
                    return;
                }
                if (n < 0) {
                    // The peer half-closed (or shutdown stopped our reading). Everything read
                    // has been answered already; the protocol may owe a last word, then we close.
                    session.onEndOfInput(reply);
                    send(reply);
                    return;
                }
                metrics.bytesRead().add(n);
                session.onInput(input.clear().limit(n), reply);   // echo hands `input` straight back
                send(reply);
                if (session.closeAfterOutput()) {
                    return;
                }
            }
        }

        private void send(Outgoing reply) throws IOException {
            metrics.bytesWritten().add(reply.writeTo(out));
            reply.clear();
        }

        /** Makes a blocked {@code read} return end-of-stream; leaves the output side alone. */
        void stopReading() {
            try {
                socket.shutdownInput();
            } catch (IOException e) {
                // Already closed by its own thread (nothing left to stop), or it cannot be
                // half-closed: then close it outright.
                forceClose();
            }
        }

        void forceClose() {
            forced = true;
            closeQuietly(socket);
        }

        boolean awaitEnd(Duration timeout) throws InterruptedException {
            return thread.join(timeout);
        }
    }
}
