package dev.wirelab.nio.selector;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.function.Consumer;

import dev.wirelab.core.metrics.ConnectionMetrics;
import dev.wirelab.core.metrics.Gauge;

/**
 * The acceptor thread: owns the listening socket, takes new connections off the backlog,
 * refuses those above {@code maxConnections}, and deals the rest out to the event loops in
 * turn.
 *
 * <p>Why a thread of its own? Accepting is cheap, but it is the one job that must never wait
 * behind a busy loop: with accepts on a loop thread, a burst of traffic on that loop delays
 * every new client. Netty calls this the "boss" group; mio's example does both jobs on one
 * thread, which is fine until it isn't.
 *
 * <p>It uses its own {@link Selector} (instead of a blocking {@code accept()}) for one reason:
 * shutdown. {@link #stop()} wakes the selector and the thread leaves; a thread blocked in
 * {@code accept()} can only be freed by closing the socket under it.
 *
 * <p><b>Threads.</b> Only this thread touches the server socket and a new
 * {@link SocketChannel} until {@link EventLoop#handOver} publishes it; after that it never
 * touches that channel again.
 */
final class Acceptor implements Runnable {

    private static final System.Logger LOG = System.getLogger(Acceptor.class.getName());

    /** Accepts per wakeup before looking at the selector again; bounds one burst's work. */
    private static final int MAX_ACCEPTS_PER_WAKEUP = 64;
    /** How long accepting pauses after a failed accept (out of file descriptors). */
    private static final long ACCEPT_RETRY_MILLIS = 100;

    private final ServerSocketChannel server;
    private final Selector selector;
    private final EventLoop[] loops;
    private final int maxConnections;
    private final SocketTuning tuning;
    private final ConnectionMetrics metrics;
    private final Consumer<SelectionKey> onAcceptable = key -> acceptPending();
    private volatile boolean stopping;
    private int nextLoop;

    Acceptor(ServerSocketChannel server, EventLoop[] loops, int maxConnections, SocketTuning tuning,
             ConnectionMetrics metrics) throws IOException {
        this.server = server;
        this.loops = loops;
        this.maxConnections = maxConnections;
        this.tuning = tuning;
        this.metrics = metrics;
        this.selector = Selector.open();
        server.configureBlocking(false);
        server.register(selector, SelectionKey.OP_ACCEPT);
    }

    /** Stops accepting; the thread closes the listening socket on its way out. Safe from any thread. */
    void stop() {
        stopping = true;
        selector.wakeup();
    }

    @Override
    public void run() {
        try {
            while (!stopping) {
                selector.select(onAcceptable, 0);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "acceptor failed; no new connections will be accepted", e);
        } finally {
            closeListeningSocket();
        }
    }

    private void acceptPending() {
        for (int i = 0; i < MAX_ACCEPTS_PER_WAKEUP; i++) {
            SocketChannel channel;
            try {
                channel = server.accept();
            } catch (IOException e) {
                // Typically "too many open files". The connection stays in the backlog, so the
                // socket stays "acceptable" and select would return at once, forever: a busy
                // loop that burns a core exactly when the machine is short of resources. Count
                // it, and pause before trying again (the fault suite measures this).
                metrics.errors().increment();
                pauseAfterFailedAccept();
                return;
            }
            if (channel == null) {
                return; // backlog empty
            }
            admit(channel);
        }
    }

    /** Waits {@value #ACCEPT_RETRY_MILLIS} ms before the next accept; only this thread accepts, so no connection waits on it. */
    private void pauseAfterFailedAccept() {
        try {
            Thread.sleep(ACCEPT_RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }

    /**
     * Over the limit: accept and close at once, so the client gets a clear end instead of
     * waiting in the backlog. Only this thread adds to the "active" gauge, so checking it and
     * then entering it cannot overshoot.
     */
    private void admit(SocketChannel channel) {
        if (metrics.active().get() >= maxConnections) {
            metrics.refused().increment();
            closeQuietly(channel);
            return;
        }
        try {
            channel.configureBlocking(false);
            // TCP_NODELAY (on unless the nodelay option says otherwise): an echo is a small
            // request that wants its answer now, and Nagle would hold it back.
            tuning.applyTo(channel);
        } catch (IOException e) {
            metrics.errors().increment();
            closeQuietly(channel);
            return;
        }
        EventLoop loop = chooseLoop();
        if (loop == null) {
            metrics.errors().increment(); // every loop died of a bug (each logged why)
            closeQuietly(channel);
            return;
        }
        Gauge.Guard guard = metrics.active().enter();
        metrics.accepted().increment();
        loop.handOver(new SelectorConnection(channel, guard));
    }

    /** Round robin, skipping a loop that died of a bug; {@code null} if none is left. */
    private EventLoop chooseLoop() {
        for (int tries = 0; tries < loops.length; tries++) {
            EventLoop loop = loops[nextLoop];
            nextLoop = (nextLoop + 1) % loops.length;
            if (loop.isRunning()) {
                return loop;
            }
        }
        return null;
    }

    private void closeListeningSocket() {
        try {
            selector.close(); // deregisters the server socket, so closing it frees the port now
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "closing the acceptor's selector failed", e);
        }
        closeQuietly(server);
    }

    private static void closeQuietly(java.nio.channels.Channel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Closing a socket we are giving up on; the descriptor is released either way.
        }
    }
}
