package dev.wirelab.core.load;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;

/**
 * One client I/O thread of the {@link LoadGenerator}: a selector loop driving its share of
 * the connections. Everything it records is its own (histogram, counts) until the run ends
 * and the generator merges the workers, so no I/O path takes a lock or shares a cache line;
 * the only shared writes are the two progress adders.
 *
 * <pre>
 *   loop until every connection is finished, failed, or the drain period is over:
 *     release messages whose time has come        (open loop: a timer queue by due time)
 *     wait for the socket events or the next due time
 *     readable → verify bytes, complete messages, release more (closed loop), write
 *     writable → write what the kernel refused before
 * </pre>
 */
final class LoadWorker implements Runnable {

    /** What a worker measured; merged by the generator after the run. */
    static final class Measurements {
        final Histogram latencyNanos = new Histogram(3);   // auto-resizing: an open-loop stall may be long
        final EnumMap<LoadError, Long> errors = new EnumMap<>(LoadError.class);
        long messages;
        long lastCompletion;
        String firstError = "";
        long firstErrorAt = Long.MAX_VALUE;
        private final LongAdder progressMessages;

        Measurements(LongAdder progressMessages) {
            this.progressMessages = progressMessages;
        }

        void record(long latency, long now) {
            latencyNanos.recordValue(Math.max(0, latency));
            messages++;
            lastCompletion = now;
            progressMessages.increment();
        }

        void error(LoadError kind, String detail, long now) {
            errors.merge(kind, 1L, Long::sum);
            if (firstError.isEmpty()) {
                firstError = detail;
                firstErrorAt = now;
            }
        }
    }

    private final List<LoadConnection> connections;
    private final LoadGenerator.Timeline timeline;
    private final Measurements measurements;
    private final LongAdder progressFailures;
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(EchoPattern.SLICE);
    private final PriorityQueue<LoadConnection> timers = new PriorityQueue<>(Comparator.comparingLong(c -> c.queuedFor));
    private volatile Selector selector;
    private volatile boolean aborted;
    private volatile RuntimeException crash;
    private int live;

    LoadWorker(List<LoadConnection> connections, LoadGenerator.Timeline timeline, LongAdder progressMessages,
               LongAdder progressFailures) {
        this.connections = connections;
        this.timeline = timeline;
        this.measurements = new Measurements(progressMessages);
        this.progressFailures = progressFailures;
    }

    Measurements measurements() {
        return measurements;
    }

    /** A bug inside the loop, rethrown by the generator rather than lost with the thread. */
    RuntimeException crash() {
        return crash;
    }

    /** Stops the loop soon (the caller was interrupted). */
    void abort() {
        aborted = true;
        Selector s = selector;
        if (s != null) {
            s.wakeup();
        }
    }

    @Override
    public void run() {
        try (Selector s = Selector.open()) {
            selector = s;
            loop(s);
        } catch (IOException e) {
            failRemaining(LoadError.IO_ERROR, "the client's selector failed: " + e.getMessage());
        } catch (RuntimeException e) {
            crash = e;
        } finally {
            for (LoadConnection c : connections) {
                closeQuietly(c);
            }
        }
    }

    private void loop(Selector s) throws IOException {
        // Phase 1: register everything and send the first messages.
        long now = System.nanoTime();
        for (LoadConnection c : connections) {
            c.key(c.channel().register(s, SelectionKey.OP_READ, c));
            live++;
        }
        for (LoadConnection c : connections) {
            step(c, now);
        }
        // Phase 2: the event loop.
        while (live > 0 && !aborted) {
            now = System.nanoTime();
            if (now - timeline.drainEnd() >= 0) {
                failRemaining(LoadError.TIMEOUT, "echoes still missing " + LoadGenerator.DRAIN_TIMEOUT.toSeconds()
                        + " s after the run ended");
                return;
            }
            runTimers(now);
            long wake = timers.isEmpty() ? timeline.drainEnd() : Math.min(timeline.drainEnd(), timers.peek().queuedFor);
            waitForIo(s, wake - now);
            now = System.nanoTime();
            for (SelectionKey key : s.selectedKeys()) {
                handle(key, now);
            }
            s.selectedKeys().clear();
        }
    }

    /** Releases what is due on a connection, writes it, and queues a timer for its next due message. */
    private void step(LoadConnection c, long now) throws IOException {
        long next = c.release(now);
        c.flush();
        if (c.finished()) {
            end(c);
        } else if (next != Long.MAX_VALUE && c.queuedFor == Long.MAX_VALUE) {
            c.queuedFor = next;
            timers.add(c);
        }
    }

    private void runTimers(long now) {
        while (!timers.isEmpty() && timers.peek().queuedFor - now <= 0) {
            LoadConnection c = timers.poll();
            c.queuedFor = Long.MAX_VALUE;
            if (!c.ended) {
                guarded(c, now, false);
            }
        }
    }

    private void handle(SelectionKey key, long now) {
        LoadConnection c = (LoadConnection) key.attachment();
        if (!c.ended && key.isValid()) {
            guarded(c, now, true);
        }
    }

    /** One connection's turn; any I/O failure ends that connection only. */
    private void guarded(LoadConnection c, long now, boolean ioReady) {
        try {
            if (ioReady && c.key().isReadable() && !read(c, now)) {
                return;
            }
            step(c, now);
        } catch (IOException e) {
            fail(c, LoadError.IO_ERROR, "connection " + c.id() + ": " + e.getMessage(), now);
        }
    }

    /** Reads once and verifies; returns {@code false} if the connection failed. */
    private boolean read(LoadConnection c, long now) throws IOException {
        readBuffer.clear();
        int n = c.channel().read(readBuffer);
        if (n < 0) {
            fail(c, LoadError.CLOSED_BY_SERVER,
                    "connection " + c.id() + ": the server closed it while " + c.owed() + " echoes were owed", now);
            return false;
        }
        String corruption = n == 0 ? null : c.accept(readBuffer, n, now, measurements);
        if (corruption != null) {
            fail(c, LoadError.CORRUPTED, corruption, now);
            return false;
        }
        return true;
    }

    /**
     * Waits for socket events, at most {@code nanos}. {@link Selector#select(long)} counts
     * whole milliseconds, too coarse for open-loop schedules; below a millisecond the loop
     * checks the sockets, then parks for the rest (a send is then at most that late, and in
     * open loop the lateness counts as latency, as it should).
     */
    private static void waitForIo(Selector s, long nanos) throws IOException {
        if (nanos <= 0) {
            s.selectNow();
        } else if (nanos >= 1_000_000) {
            s.select(nanos / 1_000_000);
        } else if (s.selectNow() == 0) {
            LockSupport.parkNanos(nanos);
            s.selectNow();
        }
    }

    private void fail(LoadConnection c, LoadError kind, String detail, long now) {
        measurements.error(kind, detail, now);
        progressFailures.increment();
        end(c);
    }

    private void failRemaining(LoadError kind, String detail) {
        long now = System.nanoTime();
        for (LoadConnection c : connections) {
            if (!c.ended) {
                fail(c, kind, "connection " + c.id() + ": " + detail + " (" + c.owed() + " owed)", now);
            }
        }
    }

    private void end(LoadConnection c) {
        c.ended = true;
        live--;
        closeQuietly(c);
    }

    private static void closeQuietly(LoadConnection c) {
        try {
            c.channel().close();
        } catch (IOException e) {
            // The connection is over either way.
        }
    }
}
