package dev.wirelab.nio.selector;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import dev.wirelab.core.metrics.ConnectionMetrics;
import dev.wirelab.core.protocol.Outgoing;
import dev.wirelab.core.protocol.Protocol;

/**
 * One reactor thread: a {@link Selector}, the connections registered with it, and one direct
 * read buffer that all of them share.
 *
 * <p>Each turn of the loop has five phases, and each is there for a reason:
 * <ol>
 *   <li><b>adopt</b> connections the acceptor queued for us. Only this thread registers
 *       channels with this selector, so registration never races a {@code select} in progress;</li>
 *   <li><b>wait</b> in {@code select} until a socket is ready, a wakeup arrives, or the oldest
 *       connection could go idle, whichever comes first;</li>
 *   <li><b>serve</b> every ready key: flush owed output first (it is older than anything we
 *       could read now), then read once and echo, then ask the selector for exactly the
 *       readiness this connection needs next;</li>
 *   <li><b>expire</b> connections quiet for longer than the idle timeout;</li>
 *   <li><b>drain</b> when the server is shutting down: stop reading, let owed output go out,
 *       close, and leave the loop once no connection is left or the deadline has passed.</li>
 * </ol>
 *
 * <p><b>Interest rules</b> (the heart of a selector server, in {@link #updateInterest}):
 * <pre>
 *   OP_WRITE  iff  bytes are pending          (never "just in case": a socket with room is
 *                                             always writable, so select would spin)
 *   OP_READ   iff  the peer may still send, we are not draining, and pending output is
 *                  below the high-water mark (maxPendingWriteBytes); once paused, reading
 *                  resumes only when pending falls to the low-water mark (half of it)
 *   neither   =>   the connection is finished: close it
 * </pre>
 *
 * <p><b>Allocation.</b> The hot path (ready key → read → write) allocates nothing: the
 * selected keys arrive through {@link Selector#select(Consumer, long)} (no selected-key set,
 * no iterator, and the callback is one {@code Consumer} created with the loop), bytes land in
 * the loop's direct buffer, and a write that completes leaves nothing behind. Only a partial
 * write allocates, once per connection, the buffer its leftovers go to.
 *
 * <p><b>Threads.</b> Everything here is touched by the loop's own thread, except
 * {@link #handOver}, {@link #beginDrain} and the read-only probes, which other threads call:
 * they go through the lock-free {@link ConcurrentLinkedQueue}, volatile fields and
 * {@link Selector#wakeup()}, which are safe from any thread.
 */
final class EventLoop implements Runnable {

    private static final System.Logger LOG = System.getLogger(EventLoop.class.getName());

    private final int index;
    private final Selector selector;
    private final ByteBuffer readBuffer;
    private final Queue<SelectorConnection> inbox = new ConcurrentLinkedQueue<>();
    private final ActivityList connections = new ActivityList();
    private final ConnectionMetrics metrics;
    private final Protocol.Sessions sessions;
    /** What a session wants sent after one read; one per loop, because the loop serves one connection at a time. */
    private final Outgoing out = new Outgoing();
    private final int highWater;
    private final int lowWater;
    private final long idleNanos;
    /** Created once: passing {@code this::onReady} to every select would allocate a fresh Consumer each time. */
    private final Consumer<SelectionKey> onReady = this::onReady;

    // Set by the shutting-down thread: the deadline is written before the flag, and read after it.
    private volatile long drainDeadlineNanos;
    private volatile boolean draining;
    private boolean drainStarted;

    // Written only by this loop's thread, read by others (probes, shutdown); single writer, so ++ on a volatile is safe.
    private volatile int connectionCount;
    private volatile long iterations;
    private volatile long deferredWrites;
    private volatile boolean finishedGracefully;
    private volatile boolean running = true;

    EventLoop(int index, ConnectionMetrics metrics, Protocol.Sessions sessions, int readBufferSize, int maxPendingWriteBytes,
              long idleNanos) throws IOException {
        this.index = index;
        this.sessions = sessions;
        this.selector = Selector.open();
        // Direct: the kernel copies straight into it. A heap buffer would make the JDK copy
        // through a hidden per-thread direct buffer on every read.
        this.readBuffer = ByteBuffer.allocateDirect(readBufferSize);
        this.metrics = metrics;
        this.highWater = maxPendingWriteBytes;
        this.lowWater = maxPendingWriteBytes / 2;
        this.idleNanos = idleNanos;
    }

    // ---------------------------------------------------------------- called from other threads

    /**
     * Gives this loop a freshly accepted connection. Safe from any thread.
     *
     * <p>The order matters: publish first, then wake. A wakeup that lands while the loop is
     * between "inbox empty" and "select" is not lost, because a {@code wakeup()} with no select
     * in progress makes the <em>next</em> select return at once. Waking first and queueing
     * second has no such guarantee: the loop may wake, find nothing, and sleep for good.
     */
    void handOver(SelectorConnection c) {
        inbox.offer(c);
        selector.wakeup();
    }

    /** Starts a graceful drain that must be over by {@code deadlineNanos} ({@link System#nanoTime()} clock). */
    void beginDrain(long deadlineNanos) {
        drainDeadlineNanos = deadlineNanos;
        draining = true;
        selector.wakeup();
    }

    boolean isRunning() {
        return running;
    }

    /** {@code true} when the loop ended with every connection finished before the deadline. */
    boolean finishedGracefully() {
        return finishedGracefully;
    }

    int connectionCount() {
        return connectionCount;
    }

    /** How many times {@code select} has returned: a quiet loop that keeps counting is spinning. */
    long iterations() {
        return iterations;
    }

    /** How many times read bytes had to wait in a connection's pending buffer (a partial write, or older bytes queued). */
    long deferredWrites() {
        return deferredWrites;
    }

    String selectorName() {
        return selector.getClass().getSimpleName();
    }

    // ---------------------------------------------------------------- the loop

    @Override
    public void run() {
        try {
            while (true) {
                adoptNewConnections();
                selector.select(onReady, selectTimeoutMillis());
                iterations++;
                expireIdleConnections();
                if (draining && drainStep()) {
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            // A bug or a broken selector: say so loudly, then close what this loop owns so
            // its clients see an end instead of a silent hang.
            LOG.log(System.Logger.Level.ERROR, "event loop " + index + " failed; closing its connections", e);
        } finally {
            running = false;
            closeEverything();
        }
    }

    /** Phase 1: register connections the acceptor handed over since the last turn. */
    private void adoptNewConnections() {
        SelectorConnection c;
        while ((c = inbox.poll()) != null) {
            if (draining) {
                close(c); // accepted just before shutdown; it has sent us nothing we owe back
                continue;
            }
            try {
                c.session = sessions.open(String.valueOf(c.channel.getRemoteAddress()));
                c.key = c.channel.register(selector, SelectionKey.OP_READ, c);
                c.interestOps = SelectionKey.OP_READ;
                c.lastActiveNanos = System.nanoTime();
                connections.addLast(c);
                connectionCount = connections.size();
            } catch (IOException e) {
                metrics.errors().increment();
                close(c);
            }
        }
    }

    /**
     * Phase 2: how long {@code select} may sleep. {@code 0} means "until something happens",
     * which is right when nothing can time out; otherwise we wake in time for the oldest
     * connection's idle deadline and for the drain deadline.
     */
    private long selectTimeoutMillis() {
        long now = System.nanoTime();
        long timeout = 0;
        SelectorConnection oldest = connections.first();
        if (idleNanos > 0 && oldest != null) {
            timeout = millisUntil(oldest.lastActiveNanos + idleNanos, now);
        }
        if (draining) {
            long untilDeadline = millisUntil(drainDeadlineNanos, now);
            timeout = timeout == 0 ? untilDeadline : Math.min(timeout, untilDeadline);
        }
        return timeout;
    }

    /** At least 1: a select timeout of 0 would mean "forever". */
    private static long millisUntil(long deadlineNanos, long now) {
        long nanos = deadlineNanos - now;
        return nanos <= 0 ? 1 : Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos + 999_999));
    }

    /** Phase 3, once per ready key. An I/O error ends this connection only; everyone else carries on. */
    private void onReady(SelectionKey key) {
        SelectorConnection c = (SelectorConnection) key.attachment();
        try {
            int ready = key.readyOps();
            if ((ready & SelectionKey.OP_WRITE) != 0) {
                onWritable(c);
            }
            if ((ready & SelectionKey.OP_READ) != 0) {
                onReadable(c);
            }
            updateInterest(c);
        } catch (IOException e) {
            metrics.errors().increment(); // reset by peer, broken pipe
            close(c);
        }
    }

    /** Owed output goes first: it is older than anything we could read now. */
    private void onWritable(SelectorConnection c) throws IOException {
        int written = c.flush();
        if (written > 0) {
            metrics.bytesWritten().add(written);
            touch(c);
        }
    }

    /**
     * Read once (not until empty: one busy peer must not starve the others on this loop;
     * the level-triggered selector reports it again next turn), let the protocol answer, send.
     */
    private void onReadable(SelectorConnection c) throws IOException {
        // Never read more than we could hold: this clip is what makes memory per connection bounded.
        ByteBuffer buf = readBuffer;
        buf.clear();
        int room = highWater - c.pendingBytes();
        if (room <= 0) {
            return; // a protocol's replies filled the bound; updateInterest pauses reading until they drain
        }
        if (room < buf.capacity()) {
            buf.limit(room);
        }
        int n = c.channel.read(buf);
        if (n < 0) {
            c.inputShutdown = true; // the peer's FIN: send what is left, then close
            c.session.onEndOfInput(out);
            send(c);
            return;
        }
        if (n == 0) {
            return;
        }
        metrics.bytesRead().add(n);
        touch(c);
        buf.flip();
        // The protocol decides what to answer. Echo hands back the read buffer itself, so the
        // write below goes straight from it, as a hand-written echo loop would.
        c.session.onInput(buf, out);
        send(c);
        if (c.session.closeAfterOutput()) {
            c.inputShutdown = true; // the protocol is finished with this peer: send what is owed, then close
        }
    }

    /**
     * Writes what the session queued: straight from its buffers when nothing older is owed
     * (one {@code write} for one buffer, one gathering {@code write} for several), and keeps
     * whatever the socket did not take, in order, before those buffers are reused.
     */
    private void send(SelectorConnection c) throws IOException {
        try {
            sendOrStash(c);
        } finally {
            // Always: out is shared by every connection on this loop. A write that throws (a peer
            // reset mid-write) once left it holding the read buffer, and the next connection's
            // read was then queued behind that same buffer and sent twice (the fault suite's
            // reset test caught a half-closed peer receiving bytes it never sent).
            out.clear();
        }
    }

    private void sendOrStash(SelectorConnection c) throws IOException {
        int count = out.count();
        if (count == 0) {
            return;
        }
        if (c.pendingBytes() == 0) {
            long written = count == 1 ? c.channel.write(out.get(0)) : c.channel.write(out.buffers(), 0, count);
            metrics.bytesWritten().add(written);
        }
        if (!out.isEmpty()) {
            // Echo never owes more than it read (the clip above bounds it); a protocol's replies
            // may be larger than its requests, so its stash may pass the high-water mark by one
            // read's worth of replies. Reading stays paused until it drains either way.
            int limit = out.forwards(readBuffer) ? highWater : Integer.MAX_VALUE;
            for (int i = 0; i < count; i++) {
                if (out.get(i).hasRemaining()) {
                    c.stash(out.get(i), limit);
                }
            }
            deferredWrites++;
        }
    }

    /** Ask the selector for exactly what this connection needs next (rules in the class doc). */
    private void updateInterest(SelectorConnection c) {
        int pending = c.pendingBytes();
        if (pending >= highWater) {
            c.readPaused = true;
        } else if (pending <= lowWater) {
            c.readPaused = false;
        }
        boolean wantRead = !c.inputShutdown && !c.readPaused && !draining;
        int ops = (wantRead ? SelectionKey.OP_READ : 0) | (pending > 0 ? SelectionKey.OP_WRITE : 0);
        if (ops == 0) {
            close(c); // nothing more to read and nothing owed: this echo is complete
        } else if (ops != c.interestOps) {
            c.key.interestOps(ops);
            c.interestOps = ops;
        }
    }

    private void touch(SelectorConnection c) {
        c.lastActiveNanos = System.nanoTime();
        connections.moveToBack(c);
    }

    /** Phase 4: the list is ordered by last activity, so only its front can have expired. */
    private void expireIdleConnections() {
        if (idleNanos == 0) {
            return;
        }
        long now = System.nanoTime();
        SelectorConnection oldest;
        while ((oldest = connections.first()) != null && now - oldest.lastActiveNanos >= idleNanos) {
            metrics.idleTimeouts().increment();
            close(oldest);
        }
    }

    /**
     * Phase 5. The first time: stop reading everywhere (closing connections that owe nothing).
     * Every time: done when no connection is left, or when the deadline has passed.
     *
     * @return {@code true} when the loop should end
     */
    private boolean drainStep() {
        if (!drainStarted) {
            drainStarted = true;
            for (SelectorConnection c = connections.first(), next; c != null; c = next) {
                next = c.next;
                updateInterest(c);
            }
        }
        if (connections.isEmpty()) {
            finishedGracefully = true;
            return true;
        }
        return System.nanoTime() - drainDeadlineNanos >= 0;
    }

    /** On the way out: whatever is still open is closed now, forcibly if it still owed output. */
    private void closeEverything() {
        SelectorConnection c;
        while ((c = connections.first()) != null) {
            close(c);
        }
        while ((c = inbox.poll()) != null) {
            close(c);
        }
        try {
            selector.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "closing the selector of event loop " + index + " failed", e);
        }
    }

    private void close(SelectorConnection c) {
        connections.remove(c);
        connectionCount = connections.size();
        if (!c.channel.isOpen()) {
            return;
        }
        try {
            c.channel.close(); // also cancels its key; the selector forgets it on the next select
        } catch (IOException e) {
            // The descriptor is released either way; there is nothing left to do for this peer.
        }
        c.activeGuard.close();
        metrics.closed().increment();
    }
}
