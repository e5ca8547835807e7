package dev.wirelab.async.netty;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.wirelab.core.echo.EchoConfig;
import dev.wirelab.core.echo.EchoServer;
import dev.wirelab.core.metrics.ConnectionMetrics;
import dev.wirelab.core.protocol.HttpRoutes;
import dev.wirelab.core.protocol.Protocol;
import dev.wirelab.core.metrics.Gauge;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;

/**
 * An echo server on Netty's event loops: the JVM's counterpart of a tokio server.
 *
 * <p>A fixed set of event-loop threads (by default one per core) each own many connections.
 * A loop waits for I/O on all of its connections at once, then runs the handlers of the ones
 * that are ready; a connection stays on its loop for life, so its handler is single-threaded
 * and lock-free. That is tokio's model too, minus work stealing: a Netty channel never
 * migrates, so one hot connection cannot be helped by an idle loop.
 *
 * <pre>
 *   accept loop (1 thread)         io loops (ioThreads)              per connection
 *   ──────────────────────         ───────────────────────           ────────────────────────────
 *   ServerSocketChannel ──accept─▶ loop k = next() round robin ─▶   [IdleStateHandler]─[EchoHandler]
 *                                  IoHandler: NIO | epoll | io_uring
 * </pre>
 *
 * <p>What this class adds around {@link EchoHandler}:
 * <ul>
 *   <li><b>transport</b> — option {@code transport=nio|epoll|io_uring|auto} (see {@link Transport});
 *       the one chosen is in {@link #details()};</li>
 *   <li><b>buffers</b> — a pooled allocator that prefers direct (off-heap) memory, so the kernel
 *       copies straight into and out of it, and freed buffers return to per-thread caches;</li>
 *   <li><b>backpressure</b> — write-buffer water marks sized so a connection holds at most
 *       {@code maxPendingWriteBytes} of unsent output;</li>
 *   <li><b>limits</b> — at most {@code maxConnections} at once (one more is closed at once and
 *       counted as refused) and an idle timeout;</li>
 *   <li><b>shutdown</b> — stop accepting, stop reading, send what was read, close, stop the loops,
 *       all within one deadline.</li>
 * </ul>
 *
 * <p>Where the lab simplifies: no TLS, no write timeout for peers that never drain, and no
 * per-connection cap on CPU time (a production server might move heavy work off the loop).
 */
public final class NettyEchoServer implements EchoServer {

    public static final String NAME = "netty";
    /** The name of the production twin that parses with Netty's own HTTP codec. */
    public static final String HTTP_TWIN_NAME = "netty-http";
    /** The one option this server reads: {@code nio}, {@code epoll}, {@code io_uring} or {@code auto} (the default). */
    public static final String TRANSPORT_OPTION = "transport";

    /**
     * Shared by every server in the JVM, as Netty intends: arenas and thread caches are per pool.
     * Netty 4.2's own default is the newer {@code AdaptiveByteBufAllocator}; the lab pins the
     * classic pooled allocator, asking for direct buffers explicitly.
     */
    private static final ByteBufAllocator BUFFERS = new PooledByteBufAllocator(true);

    private final EchoConfig config;
    private final Transport transport;
    private final boolean chosenAutomatically;
    private final WriteBufferWaterMark waterMark;
    private final ConnectionMetrics metrics = new ConnectionMetrics();
    private final Protocol.Sessions sessions;
    /** Non-null for the {@code netty-http} twin: Netty's codec parses, these routes answer. */
    private final HttpRoutes twinRoutes;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final EventLoopGroup acceptLoop;
    private final EventLoopGroup ioLoops;
    private final ChannelGroup connections = new DefaultChannelGroup("netty-echo", GlobalEventExecutor.INSTANCE);
    private final Channel listener;

    private NettyEchoServer(EchoConfig config, boolean httpTwin) throws IOException {
        // Phase 1: read the options before any thread starts, so a typo fails fast and costs nothing.
        this.config = config;
        this.sessions = config.protocol().sessions(metrics);
        this.twinRoutes = httpTwin ? HttpRoutes.withDemoAccount(metrics::snapshot) : null;
        String requested = transportOption(config.options());
        this.transport = Transport.resolve(requested);
        this.chosenAutomatically = requested.equalsIgnoreCase(Transport.AUTO);
        this.waterMark = waterMark(config);

        // Phase 2: the loops. Both groups use the same I/O handler: a channel must be served by its own transport.
        IoHandlerFactory io = transport.ioHandlerFactory();
        this.acceptLoop = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("netty-accept"), io);
        this.ioLoops = new MultiThreadIoEventLoopGroup(config.ioThreadsOrCores(), new DefaultThreadFactory("netty-io"), io);

        // Phase 3: bind. On failure the loops must not outlive the exception.
        ChannelFuture bound = bootstrap().bind(config.host(), config.port()).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            acceptLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            ioLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw new IOException("netty: cannot bind " + config.host() + ":" + config.port() + ": " + bound.cause().getMessage(),
                    bound.cause());
        }
        this.listener = bound.channel();
    }

    /** Binds and starts serving; returns once the server is listening. */
    public static NettyEchoServer start(EchoConfig config) throws IOException {
        return new NettyEchoServer(config, false);
    }

    /**
     * The production twin {@code netty-http}: the same loops, limits and shutdown, but the
     * pipeline is Netty's HTTP codec and aggregator in front of core's routes
     * ({@link NettyHttpTwin}). It speaks only HTTP.
     */
    public static NettyEchoServer startHttpTwin(EchoConfig config) throws IOException {
        if (config.protocol() != Protocol.HTTP) {
            throw new IllegalArgumentException(HTTP_TWIN_NAME + " speaks only http; start it with the http protocol");
        }
        return new NettyEchoServer(config, true);
    }

    private ServerBootstrap bootstrap() {
        int readSize = config.readBufferSize();
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptLoop, ioLoops)
                .channel(transport.serverChannelClass())
                .option(ChannelOption.SO_BACKLOG, config.backlog())
                .childOption(ChannelOption.ALLOCATOR, BUFFERS)
                // Read buffers start small and grow with traffic, never past readBufferSize.
                .childOption(ChannelOption.RECVBUF_ALLOCATOR,
                        new AdaptiveRecvByteBufAllocator(64, Math.min(2048, readSize), readSize))
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, waterMark)
                // Without this, Netty closes the whole connection on the peer's FIN and drops unsent echo.
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        admit(channel);
                    }
                });
        if (config.sendBufferSize() > 0) {
            // SO_SNDBUF on each accepted channel, whatever the transport (nio, epoll, io_uring).
            bootstrap.childOption(ChannelOption.SO_SNDBUF, config.sendBufferSize());
        }
        return bootstrap;
    }

    /**
     * The water marks that bound unsent output. The channel turns unwritable above {@code high}; the
     * read that crosses it is already in hand (at most one read buffer), so {@code high} leaves room
     * for it: high + readBufferSize = maxPendingWriteBytes. It turns writable again below {@code low}
     * (half of high), which keeps it from flapping on every write.
     */
    static WriteBufferWaterMark waterMark(EchoConfig config) {
        int high = config.maxPendingWriteBytes() - config.readBufferSize();
        return new WriteBufferWaterMark(high / 2, high);
    }

    private static String transportOption(Map<String, String> options) {
        Set<String> unknown = new TreeSet<>(options.keySet());
        unknown.remove(TRANSPORT_OPTION);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("netty: unknown option(s) " + unknown + "; the only option is "
                    + TRANSPORT_OPTION + "=auto|nio|epoll|io_uring");
        }
        return options.getOrDefault(TRANSPORT_OPTION, Transport.AUTO);
    }

    /** Runs on the new connection's loop: admit or refuse it, then build its pipeline. */
    private void admit(Channel channel) {
        // Phase 1: admission. A CAS loop keeps the count exact when several loops admit at once.
        if (closing.get() || open.getAndUpdate(n -> n < config.maxConnections() ? n + 1 : n) >= config.maxConnections()) {
            metrics.refused().increment();
            channel.close();
            return;
        }
        metrics.accepted().increment();
        Gauge.Guard active = metrics.active().enter();
        connections.add(channel);
        channel.closeFuture().addListener(closed -> {
            active.close();
            open.decrementAndGet();
            metrics.closed().increment();
        });

        // Phase 2: the pipeline. The idle handler sits first so it sees every read.
        if (!config.idleTimeout().isZero()) {
            channel.pipeline().addLast("idle", new IdleStateHandler(config.idleTimeout().toNanos(), 0, 0, TimeUnit.NANOSECONDS));
        }
        String peer = String.valueOf(channel.remoteAddress());
        if (twinRoutes != null) {
            NettyHttpTwin.install(channel.pipeline(), twinRoutes.conversation(peer), metrics);
        } else {
            channel.pipeline().addLast("echo", new EchoHandler(metrics, sessions.open(peer)));
        }
    }

    @Override
    public String name() {
        return twinRoutes != null ? HTTP_TWIN_NAME : NAME;
    }

    @Override
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) listener.localAddress();
    }

    @Override
    public ConnectionMetrics.Snapshot metrics() {
        return metrics.snapshot();
    }

    /** The transport actually running (the answer to {@code auto}). */
    public Transport transport() {
        return transport;
    }

    @Override
    public String details() {
        return "transport=" + transport.optionValue() + (chosenAutomatically ? " (auto)" : "")
                + ", loops=" + config.ioThreadsOrCores()
                + ", buffers=pooled-direct"
                + ", watermarks=" + waterMark.low() + ".." + waterMark.high();
    }

    @Override
    public boolean shutdown(Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        if (!closing.compareAndSet(false, true)) {
            // Someone else is shutting down: wait for the same outcome.
            return ioLoops.awaitTermination(left(end), TimeUnit.NANOSECONDS)
                    && acceptLoop.awaitTermination(left(end), TimeUnit.NANOSECONDS);
        }
        // Phase 1: stop accepting.
        listener.close().await(left(end), TimeUnit.NANOSECONDS);

        // Phase 2: on each connection's own loop, stop reading, send what was read, then close.
        for (Channel connection : connections) {
            connection.eventLoop().execute(() -> {
                connection.config().setAutoRead(false);
                connection.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
            });
        }
        boolean drained = connections.newCloseFuture().await(left(end), TimeUnit.NANOSECONDS);

        // Phase 3: past the deadline, close the stragglers without waiting for their peers.
        if (!drained) {
            connections.close();
        }

        // Phase 4: stop the loops. Quiet period 0: nothing should submit tasks any more.
        acceptLoop.shutdownGracefully(0, left(end), TimeUnit.NANOSECONDS);
        ioLoops.shutdownGracefully(0, left(end), TimeUnit.NANOSECONDS);
        boolean stopped = acceptLoop.awaitTermination(left(end), TimeUnit.NANOSECONDS)
                & ioLoops.awaitTermination(left(end), TimeUnit.NANOSECONDS);
        return drained && stopped;
    }

    private static long left(long endNanos) {
        return Math.max(0, endNanos - System.nanoTime());
    }
}
