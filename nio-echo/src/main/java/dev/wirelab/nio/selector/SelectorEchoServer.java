package dev.wirelab.nio.selector;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.wirelab.core.echo.EchoConfig;
import dev.wirelab.core.echo.EchoServer;
import dev.wirelab.core.metrics.ConnectionMetrics;
import dev.wirelab.core.protocol.Protocol;

/**
 * An echo server on non-blocking sockets and {@link java.nio.channels.Selector}s: the
 * reactor pattern, and Java's answer to Rust's mio.
 *
 * <p>A thread-per-connection server parks one thread in {@code read()} for every client. A
 * reactor turns that around: a few threads each ask the kernel "which of my sockets can make
 * progress now?" (epoll on Linux, behind {@code Selector}), and do only the work that will not
 * block. Ten thousand quiet connections then cost ten thousand small objects, not ten thousand
 * stacks.
 *
 * <h2>Who owns what</h2>
 * <pre>
 *                       clients
 *                          | connect
 *                          v
 *   +--------------------------- acceptor thread ----------------------------+
 *   |  ServerSocketChannel (OP_ACCEPT) on its own Selector                   |
 *   |  accept() -> above maxConnections? close at once, count "refused"      |
 *   |           -> non-blocking + TCP_NODELAY, count "accepted"              |
 *   +-------------+--------------------------------------+-------------------+
 *                 | inbox.offer(conn); selector.wakeup() |   (round robin)
 *                 v                                      v
 *   +------- loop 0 thread -----------+    +------- loop 1 thread -----------+
 *   |  Selector (OP_READ / OP_WRITE)  |    |  ... one loop per core          |
 *   |  direct read buffer, shared by  |    |      (EchoConfig.ioThreads)     |
 *   |    all of this loop's sockets   |    |                                 |
 *   |  ActivityList (idle order)      |    |                                 |
 *   |  SelectorConnection             |    |                                 |
 *   |    -> SocketChannel             |    |                                 |
 *   |    -> pending output            |    |                                 |
 *   +---------------------------------+    +---------------------------------+
 * </pre>
 *
 * <ul>
 *   <li>The <b>acceptor</b> touches the listening socket, and a new socket only until it hands
 *       it over.</li>
 *   <li>A <b>loop</b> touches only its own selector, its read buffer, and the connections it
 *       was handed. No lock guards any of them, because no other thread ever looks: that is
 *       the whole trick. The read buffer can be shared by all of a loop's connections because
 *       every byte read is either written back or copied into that connection's pending
 *       buffer before the loop moves on.</li>
 *   <li><b>Any thread</b> may bump the lock-free {@link ConnectionMetrics}, and may call
 *       {@code offer} on a loop's queue and {@code wakeup()} on its selector; that is how work
 *       and shutdown cross threads.</li>
 * </ul>
 *
 * <h2>What each rule in the config turns into</h2>
 * <ul>
 *   <li>{@code maxPendingWriteBytes}: a loop never reads more from a peer than it could hold
 *       for it; when that much is owed, it drops {@code OP_READ} until the peer has drained
 *       half (backpressure: the kernel's buffers fill and the client's writes slow down).</li>
 *   <li>{@code idleTimeout}: each loop keeps its connections ordered by last activity and
 *       sleeps in {@code select} just long enough for the oldest to expire: no timer thread,
 *       no thread per connection.</li>
 *   <li>{@code maxConnections}: the acceptor accepts and closes at once above it.</li>
 * </ul>
 *
 * <h2>Shutdown</h2>
 * {@link #shutdown(Duration)} stops the acceptor (closing the port), then wakes every loop into
 * drain mode: no more reads, owed bytes still go out, each connection closes once it owes
 * nothing. At the deadline whatever remains is closed forcibly.
 *
 * <h2>Options</h2>
 * {@code sndbuf=BYTES} (or {@link EchoConfig#sendBufferSize()}) and {@code rcvbuf=BYTES} fix the
 * kernel's socket buffers (see {@link SocketTuning}); without them Linux sizes and grows the buffers itself.
 *
 * <p>Where the lab simplifies: one read per ready key and a per-connection heap buffer for
 * leftovers. Netty's {@code NioEventLoop} reads up to 16 times per key, pools its buffers,
 * and also runs scheduled tasks and works around old epoll bugs.
 */
public final class SelectorEchoServer implements EchoServer {

    /** How long past the deadline shutdown waits for a loop that is closing sockets forcibly. */
    private static final Duration FORCED_CLOSE_GRACE = Duration.ofSeconds(1);

    private final InetSocketAddress localAddress;
    private final ConnectionMetrics metrics;
    private final Acceptor acceptor;
    private final Thread acceptorThread;
    private final EventLoop[] loops;
    private final Thread[] loopThreads;
    private final AtomicBoolean shuttingDown = new AtomicBoolean();
    private volatile long shutdownDeadlineNanos;

    private SelectorEchoServer(InetSocketAddress localAddress, ConnectionMetrics metrics, Acceptor acceptor,
                               EventLoop[] loops) {
        this.localAddress = localAddress;
        this.metrics = metrics;
        this.acceptor = acceptor;
        this.loops = loops;
        this.loopThreads = new Thread[loops.length];
        for (int i = 0; i < loops.length; i++) {
            loopThreads[i] = platformThread("wirelab-nio-loop-" + i, loops[i]);
        }
        this.acceptorThread = platformThread("wirelab-nio-acceptor", acceptor);
    }

    /**
     * Binds, starts {@code config.ioThreadsOrCores()} event loops and the acceptor, and returns
     * once the server is listening.
     */
    public static SelectorEchoServer start(EchoConfig config) throws IOException {
        SocketTuning buffers = SocketTuning.from(config);
        ConnectionMetrics metrics = new ConnectionMetrics();
        ServerSocketChannel server = ServerSocketChannel.open();
        try {
            server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            buffers.applyTo(server);
            server.bind(new InetSocketAddress(config.host(), config.port()), config.backlog());
            EventLoop[] loops = new EventLoop[config.ioThreadsOrCores()];
            Protocol.Sessions sessions = config.protocol().sessions(metrics);
            for (int i = 0; i < loops.length; i++) {
                loops[i] = new EventLoop(i, metrics, sessions, config.readBufferSize(), config.maxPendingWriteBytes(),
                        config.idleTimeout().toNanos());
            }
            Acceptor acceptor = new Acceptor(server, loops, config.maxConnections(), buffers, metrics);
            SelectorEchoServer echo = new SelectorEchoServer(
                    (InetSocketAddress) server.getLocalAddress(), metrics, acceptor, loops);
            echo.startThreads();
            return echo;
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private void startThreads() {
        for (Thread t : loopThreads) {
            t.start();
        }
        acceptorThread.start();
    }

    /**
     * Daemon threads: a lab server that a notebook forgets to close must not keep the JVM
     * alive. {@link #shutdown} is the way to stop it properly.
     */
    private static Thread platformThread(String name, Runnable body) {
        return Thread.ofPlatform().name(name).daemon(true).unstarted(body);
    }

    @Override
    public String name() {
        return SelectorEchoServerProvider.NAME;
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
        return "loops=" + loops.length + ", selector=" + loops[0].selectorName();
    }

    @Override
    public boolean shutdown(Duration deadline) throws InterruptedException {
        if (shuttingDown.compareAndSet(false, true)) {
            shutdownDeadlineNanos = System.nanoTime() + Math.min(deadline.toNanos(), TimeUnit.DAYS.toNanos(1));
            // 1. No new connections: the acceptor leaves and closes the port.
            acceptor.stop();
            acceptorThread.join(remaining());
            // 2. Every loop wakes into drain mode and finishes what it already read.
            for (EventLoop loop : loops) {
                loop.beginDrain(shutdownDeadlineNanos);
            }
        }
        // 3. Wait for the loops; past the deadline each closes its sockets forcibly and leaves.
        boolean graceful = true;
        for (int i = 0; i < loops.length; i++) {
            loopThreads[i].join(remaining().plus(FORCED_CLOSE_GRACE));
            graceful &= !loopThreads[i].isAlive() && loops[i].finishedGracefully();
        }
        return graceful && !acceptorThread.isAlive();
    }

    private Duration remaining() {
        return Duration.ofNanos(Math.max(0, shutdownDeadlineNanos - System.nanoTime()));
    }

    // ---------------------------------------------------------------- probes for this package's tests

    /** Connections each loop holds now, in loop order. */
    int[] connectionsPerLoop() {
        int[] counts = new int[loops.length];
        for (int i = 0; i < loops.length; i++) {
            counts[i] = loops[i].connectionCount();
        }
        return counts;
    }

    /** Total {@code select} returns over all loops. */
    long loopIterations() {
        long sum = 0;
        for (EventLoop loop : loops) {
            sum += loop.iterations();
        }
        return sum;
    }

    /** Total times read bytes had to wait for the socket to take them (see {@link EventLoop#deferredWrites()}). */
    long deferredWrites() {
        long sum = 0;
        for (EventLoop loop : loops) {
            sum += loop.deferredWrites();
        }
        return sum;
    }

    /** The thread running loop {@code i}, e.g. to read its allocation counter. */
    Thread loopThread(int i) {
        return loopThreads[i];
    }
}
