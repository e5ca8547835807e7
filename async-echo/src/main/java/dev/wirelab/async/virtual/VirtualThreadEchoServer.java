package dev.wirelab.async.virtual;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.wirelab.core.echo.EchoConfig;
import dev.wirelab.core.echo.EchoServer;
import dev.wirelab.core.metrics.ConnectionMetrics;
import dev.wirelab.core.protocol.Protocol;
import dev.wirelab.core.metrics.Gauge;

/**
 * One virtual thread per connection, plain blocking I/O: Java's answer to async/await.
 *
 * <p>A virtual thread is a {@code Thread} whose stack lives on the heap while it waits. The
 * JDK runs virtual threads on a small pool of <em>carrier</em> (platform) threads — a
 * work-stealing {@link java.util.concurrent.ForkJoinPool}, one carrier per core by default.
 * A blocking socket call on a virtual thread parks it (its frames are copied to the heap) and
 * frees the carrier; the JDK's poller wakes it when the socket is ready. So the code reads
 * like thread-per-connection, and costs about what an event loop costs: no callback, no
 * {@code Future}, no coloured functions.
 *
 * <pre>
 *   acceptor (virtual)           per connection (virtual)               carriers (ForkJoinPool)
 *   ServerSocket.accept() ─────▶ ConnectionLoop.serve(socket) ─ park ─▶  run whichever thread is ready
 * </pre>
 *
 * <p>The same class serves two styles, told apart by their {@link ConnectionLoop}:
 * {@code virtual} ({@link EchoLoop}: read, write, repeat) and {@code virtual-split}
 * ({@link SplitEcho}: a reader and a writer joined by a bounded queue).
 *
 * <p>Limits: at most {@code maxConnections} at once (one more is accepted, closed at once and
 * counted as refused); a connection silent for {@code idleTimeout} is closed (by the
 * {@link IdleReaper}, or by a timed {@code read} with the option {@code idle=timer}). {@code ioThreads} is not used: the carrier pool is shared by the whole JVM and
 * sized by {@code -Djdk.virtualThreadScheduler.parallelism}. The JDK's knobs under the server
 * (poller mode and count, carriers) are options: {@link VirtualSettings}.
 */
public final class VirtualThreadEchoServer implements EchoServer {

    public static final String NAME = "virtual";
    public static final String SPLIT_NAME = "virtual-split";

    private final String name;
    private final EchoConfig config;
    private final ConnectionLoop loop;
    private final VirtualSettings settings;
    private final ConnectionMetrics metrics = new ConnectionMetrics();
    private final Protocol.Sessions sessions;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final Set<Socket> live = ConcurrentHashMap.newKeySet();
    private final ServerSocket listener;
    private final ExecutorService connections;
    private final Thread acceptor;
    /** Closes silent connections; absent without an idle timeout or with timed reads. */
    private final IdleReaper reaper;

    private VirtualThreadEchoServer(String name, EchoConfig config, ConnectionLoop loop) throws IOException {
        this.settings = VirtualSettings.of(name, config.options());
        settings.apply();                   // before this server's first virtual thread: the JDK reads them once
        this.name = name;
        this.config = config;
        this.loop = loop;
        this.sessions = config.protocol().sessions(metrics);
        this.listener = new ServerSocket();
        try {
            listener.bind(new InetSocketAddress(config.host(), config.port()), config.backlog());
        } catch (IOException e) {
            listener.close();
            throw new IOException(name + ": cannot bind " + config.host() + ":" + config.port() + ": " + e.getMessage(), e);
        }
        // An executor of virtual threads: it tracks them for us, so shutdown can wait for every connection.
        this.connections = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(name + "-conn-", 0).factory());
        this.reaper = config.idleTimeout().isZero() || settings.timedReads() ? null : new IdleReaper(name, config.idleTimeout());
        this.acceptor = Thread.ofVirtual().name(name + "-accept").start(this::acceptLoop);
    }

    /** {@code virtual}: one thread per connection, read-then-write. */
    public static VirtualThreadEchoServer start(EchoConfig config) throws IOException {
        return new VirtualThreadEchoServer(NAME, config, new EchoLoop());
    }

    /** {@code virtual-split}: a reader and a writer thread per connection, joined by a bounded queue. */
    public static VirtualThreadEchoServer startSplit(EchoConfig config) throws IOException {
        return new VirtualThreadEchoServer(SPLIT_NAME, config, new SplitEcho());
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                if (listener.isClosed()) {
                    return;                 // shutdown closed the listener: the normal way out
                }
                backOff();                  // e.g. out of file descriptors: do not spin on the error
                continue;
            }
            admit(socket);
        }
    }

    private void admit(Socket socket) {
        // One CAS loop: exact even if accept ever ran on several threads.
        if (closing.get() || open.getAndUpdate(n -> n < config.maxConnections() ? n + 1 : n) >= config.maxConnections()) {
            metrics.refused().increment();
            closeQuietly(socket);
            return;
        }
        metrics.accepted().increment();
        try {
            connections.execute(() -> serve(socket));
        } catch (RejectedExecutionException e) {
            // Shutdown began between the check and here: this connection never starts.
            open.decrementAndGet();
            metrics.closed().increment();
            closeQuietly(socket);
        }
    }

    /** The life of one connection: set up, echo, and count how it ended — on its own virtual thread. */
    private void serve(Socket socket) {
        Gauge.Guard active = metrics.active().enter();
        IdleReaper.ReadClock clock = IdleReaper.ReadClock.NONE;
        live.add(socket);
        try (socket) {
            if (closing.get()) {
                return;                     // shutdown started before we were registered in 'live'
            }
            socket.setTcpNoDelay(true);
            if (config.sendBufferSize() > 0) {
                socket.setSendBufferSize(config.sendBufferSize());   // fixed SO_SNDBUF, auto-tuning off
            }
            if (reaper == null) {
                // Timed reads (or none): 0 means no timeout.
                socket.setSoTimeout(Math.toIntExact(Math.min(Integer.MAX_VALUE, config.idleTimeout().toMillis())));
            }
            clock = reaper == null ? IdleReaper.ReadClock.NONE : reaper.watch(socket);
            loop.serve(socket, sessions.open(String.valueOf(socket.getRemoteSocketAddress())), config, metrics, clock);
        } catch (SocketTimeoutException e) {
            metrics.idleTimeouts().increment();
        } catch (IOException e) {
            if (clock.expired()) {
                metrics.idleTimeouts().increment();   // the reaper closed it for silence
            } else if (!closing.get()) {
                metrics.errors().increment();   // reset, broken pipe; a forced shutdown is not the peer's error
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // forced shutdown: just end
        } finally {
            if (reaper != null) {
                reaper.forget(socket);
            }
            live.remove(socket);
            active.close();
            open.decrementAndGet();
            metrics.closed().increment();
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    @Override
    public ConnectionMetrics.Snapshot metrics() {
        return metrics.snapshot();
    }

    @Override
    public String details() {
        String style = loop instanceof SplitEcho ? "reader+writer per connection, queue=" + SplitEcho.capacity(config) + " chunks ("
                + config.options().getOrDefault("queue", "array") + ")"
                : "one thread per connection";
        return settings.describe() + ", " + style;
    }

    @Override
    public boolean shutdown(Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        if (!closing.compareAndSet(false, true)) {
            return connections.awaitTermination(left(end), TimeUnit.NANOSECONDS);
        }
        // Phase 1: stop accepting.
        closeQuietly(listener);
        acceptor.join(Duration.ofNanos(left(end)));

        // Phase 2: half-close every connection's input: a parked read returns -1, the loop writes what it
        // already read and returns. No new work starts, and nothing read is dropped.
        for (Socket socket : live) {
            shutdownInputQuietly(socket);
        }
        connections.shutdown();
        boolean drained = connections.awaitTermination(left(end), TimeUnit.NANOSECONDS);

        // Phase 3: past the deadline, interrupt the stragglers; interrupting a virtual thread blocked in
        // socket I/O closes that socket, and we close the rest ourselves.
        if (!drained) {
            connections.shutdownNow();
            live.forEach(VirtualThreadEchoServer::closeQuietly);
            connections.awaitTermination(1, TimeUnit.SECONDS);
        }
        if (reaper != null) {
            reaper.stop();
        }
        return drained;
    }

    private static long left(long endNanos) {
        return Math.max(0, endNanos - System.nanoTime());
    }

    private static void backOff() {
        try {
            Thread.sleep(100); // 10 ms still cost a fifth of a core while out of descriptors (fault suite)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void shutdownInputQuietly(Socket socket) {
        try {
            socket.shutdownInput();
        } catch (IOException ignored) {
            // already closed by its own thread: nothing left to stop
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // best effort: a socket that fails to close is closed anyway as far as we are concerned
        }
    }
}
