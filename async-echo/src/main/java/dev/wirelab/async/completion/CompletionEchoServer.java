package dev.wirelab.async.completion;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.AsynchronousChannelGroup;
import java.nio.channels.AsynchronousServerSocketChannel;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;
import java.net.StandardSocketOptions;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.wirelab.core.echo.EchoConfig;
import dev.wirelab.core.echo.EchoServer;
import dev.wirelab.core.metrics.ConnectionMetrics;
import dev.wirelab.core.metrics.Gauge;
import dev.wirelab.core.protocol.Protocol;

/**
 * An echo server on NIO.2 completion handlers ({@link AsynchronousSocketChannel}): the callback
 * style that async/await and virtual threads exist to save us from.
 *
 * <p>Each operation is started with a {@link CompletionHandler}; the JDK calls it on a thread of
 * the {@link AsynchronousChannelGroup} when the operation is done. On Linux the JDK emulates
 * completions with epoll plus a thread pool (the OS has readiness, not completion, for sockets);
 * on Windows it maps to IOCP, the one real completion API this style was designed around.
 *
 * <pre>
 *   accept ──completed──▶ accept again (one accept outstanding at a time)
 *                   └───▶ new CompletionConnection(...).start(): read ⇄ write, see that class
 * </pre>
 *
 * <p>It keeps the same limits as the other variants: {@code maxConnections} (one more is closed
 * at once and counted as refused), the idle timeout (a read with a timeout), and a graceful
 * shutdown that half-closes input so each connection ends after its last write.
 */
public final class CompletionEchoServer implements EchoServer {

    public static final String NAME = "completion";

    private final EchoConfig config;
    private final ConnectionMetrics metrics = new ConnectionMetrics();
    private final Protocol.Sessions sessions;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final Set<CompletionConnection> live = ConcurrentHashMap.newKeySet();
    private final AsynchronousChannelGroup group;
    private final AsynchronousServerSocketChannel listener;
    /** Kept from bind time: a closed channel no longer reports its address. */
    private final InetSocketAddress boundAddress;

    private CompletionEchoServer(EchoConfig config) throws IOException {
        if (!config.options().isEmpty()) {
            throw new IllegalArgumentException(NAME + ": takes no options, got " + config.options().keySet());
        }
        this.config = config;
        this.sessions = config.protocol().sessions(metrics);
        this.group = AsynchronousChannelGroup.withFixedThreadPool(config.ioThreadsOrCores(),
                Thread.ofPlatform().name("completion-io-", 0).daemon().factory());
        try {
            this.listener = AsynchronousServerSocketChannel.open(group)
                    .bind(new InetSocketAddress(config.host(), config.port()), config.backlog());
        } catch (IOException e) {
            group.shutdownNow();
            throw new IOException(NAME + ": cannot bind " + config.host() + ":" + config.port() + ": " + e.getMessage(), e);
        }
        this.boundAddress = (InetSocketAddress) listener.getLocalAddress();
        listener.accept(null, onAccept);
    }

    public static CompletionEchoServer start(EchoConfig config) throws IOException {
        return new CompletionEchoServer(config);
    }

    private final CompletionHandler<AsynchronousSocketChannel, Void> onAccept = new CompletionHandler<>() {
        @Override
        public void completed(AsynchronousSocketChannel channel, Void unused) {
            acceptNext(this);                // re-arm first, so the next client is not kept waiting
            admit(channel);
        }

        @Override
        public void failed(Throwable cause, Void unused) {
            // A failed accept (e.g. out of descriptors) is not the end of the server, but retrying
            // at once fails the same way, thousands of times a second: re-arm after a pause.
            CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS).execute(() -> acceptNext(this));
        }
    };

    private void acceptNext(CompletionHandler<AsynchronousSocketChannel, Void> handler) {
        if (listener.isOpen()) {             // closed by shutdown: the accept chain simply ends here
            listener.accept(null, handler);
        }
    }

    private void admit(AsynchronousSocketChannel channel) {
        if (closing.get() || open.getAndUpdate(n -> n < config.maxConnections() ? n + 1 : n) >= config.maxConnections()) {
            metrics.refused().increment();
            closeQuietly(channel);
            return;
        }
        metrics.accepted().increment();
        Gauge.Guard active = metrics.active().enter();
        CompletionConnection connection = new CompletionConnection(channel, sessions.open(peer(channel)), config, metrics, closed -> {
            live.remove(closed);
            active.close();
            open.decrementAndGet();
            metrics.closed().increment();
        });
        live.add(connection);
        try {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            if (config.sendBufferSize() > 0) {
                // A fixed SO_SNDBUF: a small one makes a write complete with fewer bytes than asked.
                channel.setOption(StandardSocketOptions.SO_SNDBUF, config.sendBufferSize());
            }
        } catch (IOException e) {
            metrics.errors().increment();
            connection.close();
            return;
        }
        connection.start();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public InetSocketAddress localAddress() {
        return boundAddress;
    }

    @Override
    public ConnectionMetrics.Snapshot metrics() {
        return metrics.snapshot();
    }

    @Override
    public String details() {
        return "group threads=" + config.ioThreadsOrCores() + ", one read or write outstanding per connection";
    }

    @Override
    public boolean shutdown(Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        if (!closing.compareAndSet(false, true)) {
            return group.awaitTermination(left(end), TimeUnit.NANOSECONDS);
        }
        // Phase 1: stop accepting. Phase 2: half-close input, so each connection ends after its last write.
        closeQuietly(listener);
        live.forEach(CompletionConnection::shutdownInput);

        // Phase 3: the group terminates once its last channel is closed.
        group.shutdown();
        boolean drained = group.awaitTermination(left(end), TimeUnit.NANOSECONDS);
        if (!drained) {
            try {
                group.shutdownNow();        // closes every channel still open
            } catch (IOException ignored) {
                // closing failed for some channel; it is abandoned either way
            }
            group.awaitTermination(1, TimeUnit.SECONDS);
        }
        return drained;
    }

    private static long left(long endNanos) {
        return Math.max(0, endNanos - System.nanoTime());
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // best effort
        }
    }

    private static String peer(AsynchronousSocketChannel channel) {
        try {
            return String.valueOf(channel.getRemoteAddress());
        } catch (IOException e) {
            return "unknown peer";
        }
    }
}
