package dev.wirelab.core.load;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;

/**
 * Drives an echo server, ours or anyone's, and measures it: the one source of every number
 * the lab prints.
 *
 * <pre>{@code
 * LoadReport report = LoadGenerator.run(LoadSpec.defaults(server.localAddress())
 *         .withConnections(50).withMessageSize(1024).withDuration(Duration.ofSeconds(5)));
 * System.out.print(report.toText());
 * }</pre>
 *
 * <p><b>A run</b>: open every connection (failures are counted, not fatal), start the clock,
 * send for the warm-up and then the measured window, stop sending, wait up to
 * {@link #DRAIN_TIMEOUT} for the echoes still in flight, and report. Every echoed byte is
 * compared with the byte sent at that position of that connection's stream
 * ({@link EchoPattern}), so a server that drops, repeats, reorders or mixes up bytes fails
 * the run loudly instead of looking fast.
 *
 * <p><b>Why one selector thread by default.</b> On a 2-core machine the client and the
 * server share the CPUs, so the client must measure while taking as little as possible:
 * <ul>
 *   <li>A thread per connection (or a virtual thread per connection) makes the client look
 *       like the server it measures: with 200 connections, 200 threads wake, run and sleep,
 *       and every wake-up competes with the server for the same two cores. Virtual threads
 *       are cheap to create, but each blocking read still means a park, an epoll
 *       registration in the JDK's poller and an unpark onto a carrier thread: more hand-offs
 *       per message than the single event loop below.</li>
 *   <li>One NIO selector loop (the default, {@code threads = 1}) handles every connection
 *       with one thread and one {@code epoll_wait} per batch of events; it occupies at most
 *       one core and leaves the other to the server. If the report shows the client is the
 *       limit (its core at 100 %), raise {@code threads} and compare.</li>
 * </ul>
 * Latency is timed with {@link System#nanoTime()} on the I/O thread; the histograms are
 * per thread and merged at the end, and progress is read from two {@link LongAdder}s by
 * the calling thread, so the progress hook never runs on an I/O thread.
 *
 * <p><b>Coordinated omission.</b> In closed loop a stalled server stops the client too, so
 * the stall is recorded once (one slow message) instead of for every message that should
 * have been sent meanwhile. In open loop ({@link LoadSpec#rate()} &gt; 0) each message has a
 * due time fixed in advance, and its latency runs from that due time: the stall is charged
 * to every message it delayed, which is what a user of the server would see.
 *
 * <p><b>Where it simplifies.</b> Client and server share the machine (and its caches and
 * scheduler), so figures are comparisons between variants measured the same way, not
 * capacity claims. Open-loop sends are honoured to within the timer resolution (well under
 * a millisecond); any lateness is counted as latency, never hidden.
 */
public final class LoadGenerator {

    /** How long the run waits for echoes still in flight after the measured window ends. */
    public static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(5);

    private static final Duration PROGRESS_EVERY = Duration.ofMillis(200);

    private LoadGenerator() {
    }

    /** The run's clock, in {@link System#nanoTime()} units. */
    record Timeline(long start, long warmupEnd, long windowEnd, long drainEnd) {
        static Timeline startingNow(LoadSpec spec) {
            long start = System.nanoTime();
            long warmupEnd = start + spec.warmup().toNanos();
            long windowEnd = warmupEnd + spec.duration().toNanos();
            return new Timeline(start, warmupEnd, windowEnd, windowEnd + DRAIN_TIMEOUT.toNanos());
        }

        LoadProgress.Phase phaseAt(long now) {
            if (now - warmupEnd < 0) {
                return LoadProgress.Phase.WARMING_UP;
            }
            return now - windowEnd < 0 ? LoadProgress.Phase.MEASURING : LoadProgress.Phase.DRAINING;
        }
    }

    /** The measured-message limit shared by all connections ({@link LoadSpec#messages()}). */
    static final class Budget {
        private final boolean unlimited;
        private final AtomicLong left;

        Budget(long messages) {
            this.unlimited = messages == 0;
            this.left = new AtomicLong(messages);
        }

        /** Takes one message from the budget; {@code false} once it is spent. */
        boolean take() {
            return unlimited || left.getAndDecrement() > 0;
        }
    }

    /** Runs {@code spec} without a progress hook. */
    public static LoadReport run(LoadSpec spec) throws IOException, InterruptedException {
        return run(spec, LoadProgress.none());
    }

    /**
     * Runs {@code spec} to the end and reports. Blocks for at most the connect timeout, the
     * warm-up, the duration and {@link #DRAIN_TIMEOUT}.
     *
     * @throws IOException          only if the client cannot set up at all (no selector);
     *                              failures of single connections are part of the report
     * @throws InterruptedException if the calling thread is interrupted; the run is stopped first
     */
    public static LoadReport run(LoadSpec spec, LoadProgress progress) throws IOException, InterruptedException {
        // Phase 1: connect everything before the clock starts.
        progress.update(new LoadProgress.Update(LoadProgress.Phase.CONNECTING, Duration.ZERO, planned(spec), 0, 0));
        Connected connected = connectAll(spec);
        if (connected.channels.isEmpty()) {
            return report(spec, connected, List.of(), null);
        }

        // Phase 2: start the clock and the I/O threads.
        Timeline timeline = Timeline.startingNow(spec);
        LongAdder messages = new LongAdder();
        LongAdder failures = new LongAdder();
        List<LoadWorker> workers = workers(spec, connected, timeline, messages, failures);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < workers.size(); i++) {
            threads.add(Thread.ofPlatform().name("load-io-" + i).daemon().start(workers.get(i)));
        }

        // Phase 3: wait for them, reporting progress a few times a second.
        try {
            for (Thread t : threads) {
                while (!t.join(PROGRESS_EVERY)) {
                    long now = System.nanoTime();
                    progress.update(new LoadProgress.Update(timeline.phaseAt(now), Duration.ofNanos(now - timeline.start()),
                            planned(spec), messages.sum(), failures.sum()));
                }
            }
        } catch (InterruptedException e) {
            workers.forEach(LoadWorker::abort);
            for (Thread t : threads) {
                t.join(Duration.ofSeconds(5));
            }
            throw e;
        }
        for (LoadWorker w : workers) {
            if (w.crash() != null) {
                throw new IllegalStateException("a load-generator thread failed", w.crash());
            }
        }

        // Phase 4: merge what the threads measured.
        LoadReport report = report(spec, connected, workers, timeline);
        progress.update(new LoadProgress.Update(LoadProgress.Phase.DONE, Duration.ofNanos(System.nanoTime() - timeline.start()),
                planned(spec), report.messages(), report.errorCount()));
        return report;
    }

    private static Duration planned(LoadSpec spec) {
        return spec.warmup().plus(spec.duration());
    }

    private static List<LoadWorker> workers(LoadSpec spec, Connected connected, Timeline timeline,
                                            LongAdder messages, LongAdder failures) {
        Budget budget = new Budget(spec.messages());
        int count = Math.min(spec.threads(), connected.channels.size());
        List<List<LoadConnection>> shares = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            shares.add(new ArrayList<>());
        }
        for (int k = 0; k < connected.channels.size(); k++) {
            shares.get(k % count).add(new LoadConnection(connected.ids.get(k), connected.channels.get(k), spec, timeline, budget));
        }
        return shares.stream().map(share -> new LoadWorker(share, timeline, messages, failures)).toList();
    }

    // ---------------------------------------------------------------------------------
    // Connecting
    // ---------------------------------------------------------------------------------

    /**
     * The client socket options of the run. Buffers are set before connecting: the receive
     * buffer decides the window scale agreed in the handshake.
     */
    private static void configure(SocketChannel channel, LoadSpec.Socket socket) throws IOException {
        channel.setOption(StandardSocketOptions.TCP_NODELAY, socket.noDelay());
        if (socket.sendBuffer() > 0) {
            channel.setOption(StandardSocketOptions.SO_SNDBUF, socket.sendBuffer());
        }
        if (socket.receiveBuffer() > 0) {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, socket.receiveBuffer());
        }
    }

    /** The connections that came up (channel and stream id), and the ones that did not. */
    private record Connected(List<Integer> ids, List<SocketChannel> channels, long failures, String firstFailure) {
    }

    /**
     * Opens every connection at once, non-blocking, and waits for them together: connecting
     * 1,000 clients one after another would take 1,000 round trips.
     */
    private static Connected connectAll(LoadSpec spec) throws IOException {
        SocketChannel[] up = new SocketChannel[spec.connections()];
        long failures = 0;
        int pending = 0;
        String firstFailure = "";
        try (Selector selector = Selector.open()) {
            // Start every handshake.
            for (int id = 0; id < spec.connections(); id++) {
                SocketChannel channel = null;
                try {
                    channel = SocketChannel.open();
                    channel.configureBlocking(false);
                    configure(channel, spec.socket());
                    if (channel.connect(spec.target())) {
                        up[id] = channel;
                    } else {
                        channel.register(selector, SelectionKey.OP_CONNECT, id);
                        pending++;
                    }
                } catch (IOException e) {
                    failures++;
                    firstFailure = firstFailure.isEmpty() ? describe(spec, e) : firstFailure;
                    closeQuietly(channel);
                }
            }
            // Finish them as they complete, until the connect timeout.
            long end = System.nanoTime() + spec.connectTimeout().toNanos();
            // (A cancelled key stays in keys() until the next select, so count pending handshakes ourselves.)
            while (pending > 0 && System.nanoTime() - end < 0) {
                selector.select(Math.max(1, (end - System.nanoTime()) / 1_000_000));
                for (SelectionKey key : selector.selectedKeys()) {
                    SocketChannel channel = (SocketChannel) key.channel();
                    try {
                        if (channel.finishConnect()) {
                            key.cancel();
                            pending--;
                            up[(Integer) key.attachment()] = channel;
                        }
                    } catch (IOException e) {
                        key.cancel();
                        pending--;
                        closeQuietly(channel);
                        failures++;
                        firstFailure = firstFailure.isEmpty() ? describe(spec, e) : firstFailure;
                    }
                }
                selector.selectedKeys().clear();
            }
            // Whatever is still pending has missed the timeout.
            for (SelectionKey key : selector.keys()) {
                if (!key.isValid()) {
                    continue;   // cancelled above: connected or already counted
                }
                closeQuietly((SocketChannel) key.channel());
                failures++;
                if (firstFailure.isEmpty()) {
                    firstFailure = "connect to " + address(spec) + " timed out after " + spec.connectTimeout().toMillis() + " ms";
                }
            }
        }
        List<Integer> ids = new ArrayList<>();
        List<SocketChannel> channels = new ArrayList<>();
        for (int id = 0; id < up.length; id++) {
            if (up[id] != null) {
                ids.add(id);
                channels.add(up[id]);
            }
        }
        return new Connected(ids, channels, failures, firstFailure);
    }

    private static String describe(LoadSpec spec, IOException e) {
        return "connect to " + address(spec) + " failed: " + (e.getMessage() == null ? e.toString() : e.getMessage());
    }

    private static String address(LoadSpec spec) {
        return spec.targetText();
    }

    private static void closeQuietly(SocketChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            // Never connected, or already gone: nothing to release.
        }
    }

    // ---------------------------------------------------------------------------------
    // Reporting
    // ---------------------------------------------------------------------------------

    private static LoadReport report(LoadSpec spec, Connected connected, List<LoadWorker> workers, Timeline timeline) {
        Histogram latency = new Histogram(3);
        EnumMap<LoadError, Long> errors = new EnumMap<>(LoadError.class);
        long messages = 0;
        long lastCompletion = Long.MIN_VALUE;
        String firstError = connected.firstFailure;
        long firstErrorAt = Long.MAX_VALUE;
        for (LoadWorker w : workers) {
            LoadWorker.Measurements m = w.measurements();
            latency.add(m.latencyNanos);
            m.errors.forEach((kind, n) -> errors.merge(kind, n, Long::sum));
            messages += m.messages;
            lastCompletion = Math.max(lastCompletion, m.lastCompletion);
            if (connected.firstFailure.isEmpty() && !m.firstError.isEmpty() && m.firstErrorAt < firstErrorAt) {
                firstError = m.firstError;
                firstErrorAt = m.firstErrorAt;
            }
        }
        Duration measured = messages == 0 ? Duration.ZERO : Duration.ofNanos(lastCompletion - timeline.warmupEnd());
        return new LoadReport(spec, connected.channels.size(), connected.failures, messages, measured,
                LoadReport.Latency.fromNanos(latency), errors, firstError);
    }
}
