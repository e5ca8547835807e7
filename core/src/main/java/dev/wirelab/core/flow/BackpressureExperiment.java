package dev.wirelab.core.flow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.wirelab.core.metrics.HighWaterMark;
import dev.wirelab.core.metrics.LatencyRecorder;
import dev.wirelab.core.metrics.SingleWriterCounter;

/*
 * LESSON: backpressure.
 *
 * A producer that is faster than its consumer has three choices when the consumer falls
 * behind: wait, drop, or buffer. "Buffer" without a limit is the one that looks fine in a
 * demo and fails in production: the buffer grows by (producer rate - consumer rate) items
 * every second, each item waits longer than the one before, and eventually the heap is
 * full. A bounded buffer turns the mismatch into waiting: when it is full, send() blocks, so
 * the producer runs exactly as fast as the consumer. In a server, "the producer waits" means
 * "stop reading from the socket", TCP's window closes, and the slowness travels back to the
 * client that caused it, instead of into our heap.
 *
 * BASELINE    UnboundedHandoff: LinkedBlockingQueue, never blocks.
 * APPROACH 1  BoundedHandoff:   ArrayBlockingQueue.put blocks when full.
 * APPROACH 2  PublisherHandoff: SubmissionPublisher.submit blocks when the subscriber's buffer
 *             is full; the subscriber pulls with request(1).
 *
 * The experiment runs each for a fixed time with a paced producer (default 50,000 items/s of
 * 1 KiB) and a paced consumer (default 5,000 items/s), samples queue depth and heap every few
 * milliseconds, and reports what the producer achieved, how long items waited in the buffer,
 * and whether every item arrived in order. The samples are there to be plotted.
 *
 * Where the lab simplifies: the consumer "works" by sleeping to its pace, so results do not
 * depend on CPU speed; heap "used" is total minus free and includes garbage not yet
 * collected, so it is a trend, not an exact size; and for safety the unbounded producer stops
 * early if the heap passes a guard fraction of -Xmx (a real one would run on into
 * OutOfMemoryError).
 *
 * Run:  ./lab experiment flow --seconds 3
 *   or  java -cp core/target/classes:<HdrHistogram jar> dev.wirelab.core.flow.BackpressureExperiment 3
 */
public final class BackpressureExperiment {

    /** The three handoffs, in the order the table prints them. */
    public enum Mode {
        BOUNDED_QUEUE, FLOW_PUBLISHER, UNBOUNDED_QUEUE;

        <T> Handoff<T> create(int capacity) {
            return switch (this) {
                case BOUNDED_QUEUE -> new BoundedHandoff<>(capacity);
                case FLOW_PUBLISHER -> new PublisherHandoff<>(capacity);
                case UNBOUNDED_QUEUE -> new UnboundedHandoff<>();
            };
        }
    }

    /**
     * @param duration how long the producer runs
     * @param sampleEvery how often depth and heap are sampled
     * @param producerRate items per second the producer tries to send
     * @param consumerRate items per second the consumer can take
     * @param capacity buffer size of the bounded handoffs
     * @param payloadBytes size of each item's payload (what fills the heap)
     * @param heapGuard stop the producer early when heap used passes this fraction of max heap
     */
    public record Config(Duration duration, Duration sampleEvery, int producerRate, int consumerRate,
                         int capacity, int payloadBytes, double heapGuard) {
        public Config {
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("duration must be positive, was " + duration);
            }
            if (sampleEvery.toMillis() < 1) {
                throw new IllegalArgumentException("sampleEvery must be at least 1 ms, was " + sampleEvery);
            }
            if (producerRate < 1 || consumerRate < 1 || capacity < 1 || payloadBytes < 0) {
                throw new IllegalArgumentException("rates and capacity must be positive, payload not negative: " + this);
            }
            if (!(heapGuard > 0 && heapGuard < 1)) {
                throw new IllegalArgumentException("heapGuard is a fraction of max heap, 0 < f < 1, was " + heapGuard);
            }
        }

        /** 3 s; 50,000 items/s of 1 KiB into a consumer of 5,000/s; buffer 1,024; guard at 60% of heap. */
        public static Config defaults() {
            return new Config(Duration.ofSeconds(3), Duration.ofMillis(50), 50_000, 5_000, 1024, 1024, 0.6);
        }

        public Config withDuration(Duration d) {
            return new Config(d, sampleEvery, producerRate, consumerRate, capacity, payloadBytes, heapGuard);
        }
    }

    /** One point of the time series: what the buffer and heap looked like at {@code elapsedMillis}. */
    public record Sample(long elapsedMillis, int depth, long heapUsedBytes, long produced, long consumed) {
    }

    /**
     * What one run did.
     *
     * @param backlogAtDeadline items sent but not yet consumed when the producer stopped
     * @param queueDelay how long items waited between send and consume (run phase only)
     * @param stoppedByHeapGuard the producer stopped early to protect the heap
     */
    public record Result(Mode mode, String handoff, int capacity, Config config, List<Sample> samples,
                         long produced, long delivered, long outOfOrder, long maxDepth, long backlogAtDeadline,
                         double producedPerSecond, double consumedPerSecond, LatencyRecorder.Summary queueDelay,
                         long peakHeapUsedBytes, boolean stoppedByHeapGuard) {

        /** Every item sent was consumed, each exactly once and in sending order. */
        public boolean deliveredAllInOrder() {
            return delivered == produced && outOfOrder == 0;
        }

        /** The producer's achieved rate as a share of the rate it tried for (1.0 = never held back). */
        public double producerShare() {
            return producedPerSecond / config.producerRate();
        }
    }

    /** The unit of work: a sequence number, a send timestamp, and some bytes to occupy the heap. */
    record Item(long seq, long sentNanos, byte[] payload) {
    }

    private BackpressureExperiment() {
    }

    /** Runs every mode one after another with the same config. */
    public static List<Result> runAll(Config config) throws InterruptedException {
        List<Result> results = new ArrayList<>();
        for (Mode mode : Mode.values()) {
            results.add(run(mode, config));
        }
        return results;
    }

    /** Runs one mode for {@code config.duration()}, then drains, and reports. */
    public static Result run(Mode mode, Config config) throws InterruptedException {
        return new Run(mode, config).execute();
    }

    /** One run's state; lives for one {@link #execute()}. */
    private static final class Run {
        private final Mode mode;
        private final Config config;
        private final Handoff<Item> handoff;
        private final Runtime runtime = Runtime.getRuntime();
        // Each counter has exactly one writer thread; the sampler only reads. Relaxed is
        // enough for a statistic (see SingleWriterCounter's table).
        private final SingleWriterCounter produced = new SingleWriterCounter(SingleWriterCounter.Ordering.OPAQUE);
        private final SingleWriterCounter consumed = new SingleWriterCounter(SingleWriterCounter.Ordering.OPAQUE);
        private final LatencyRecorder queueDelay = new LatencyRecorder();
        private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
        private final HighWaterMark maxDepth = new HighWaterMark();
        private final HighWaterMark peakHeap = new HighWaterMark();
        private final AtomicInteger outOfOrder = new AtomicInteger();
        private volatile boolean measuring = true;
        private long nextExpectedSeq; // consumer thread only
        private boolean stoppedByHeapGuard;
        private long startNanos;
        private Pacer consumerPacer;

        Run(Mode mode, Config config) {
            this.mode = mode;
            this.config = config;
            this.handoff = mode.create(config.capacity());
        }

        Result execute() throws InterruptedException {
            // Phase 1: a comparable starting heap for every mode (a hint; the JVM may ignore it).
            System.gc();
            startNanos = System.nanoTime();
            long deadline = startNanos + config.duration().toNanos();
            consumerPacer = new Pacer(startNanos, config.consumerRate());
            handoff.start(this::consume);
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().name("flow-sampler").daemon(true).factory());
            sampler.scheduleAtFixedRate(this::sample, 0, config.sampleEvery().toNanos(), TimeUnit.NANOSECONDS);

            // Phase 2: produce until the deadline (on a thread of its own, so it can own `produced`).
            Thread producer = Thread.ofPlatform().name("flow-producer").start(() -> produce(deadline));
            producer.join();
            measuring = false;
            long producedAtDeadline = produced.get();
            long consumedAtDeadline = consumed.get();
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            sample();
            sampler.shutdownNow();

            // Phase 3: drain at full speed, so delivery and order can be checked for every item.
            consumerPacer.disable();
            boolean drained = handoff.finish(Duration.ofSeconds(30));
            if (!drained) {
                throw new IllegalStateException(handoff.describe() + " did not drain within 30 s");
            }
            return new Result(mode, handoff.describe(), handoff.capacity(), config, List.copyOf(samples),
                    produced.get(), consumed.get(), outOfOrder.get(), maxDepth.get(),
                    producedAtDeadline - consumedAtDeadline, producedAtDeadline / seconds,
                    consumedAtDeadline / seconds, queueDelay.interval().latency(), peakHeap.get(),
                    stoppedByHeapGuard);
        }

        private void produce(long deadline) {
            Pacer pacer = new Pacer(startNanos, config.producerRate());
            long heapLimit = (long) (runtime.maxMemory() * config.heapGuard());
            try {
                for (long seq = 0; pacer.awaitTurn(seq, deadline); seq++) {
                    if ((seq & 1023) == 0 && heapUsed() > heapLimit) {
                        stoppedByHeapGuard = true; // read after join(): join gives happens-before
                        return;
                    }
                    handoff.send(new Item(seq, System.nanoTime(), new byte[config.payloadBytes()]));
                    produced.increment();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void consume(Item item) {
            // The consumer's "work": wait for its turn at the configured rate.
            consumerPacer.awaitTurn(consumed.get(), startNanos + TimeUnit.DAYS.toNanos(1));
            if (item.seq() != nextExpectedSeq) {
                outOfOrder.incrementAndGet();
            }
            nextExpectedSeq = item.seq() + 1;
            if (measuring) {
                queueDelay.record(System.nanoTime() - item.sentNanos());
            }
            consumed.increment();
        }

        private void sample() {
            int depth = handoff.depth();
            long heap = heapUsed();
            maxDepth.observe(depth);
            peakHeap.observe(heap);
            samples.add(new Sample((System.nanoTime() - startNanos) / 1_000_000, depth, heap,
                    produced.get(), consumed.get()));
        }

        private long heapUsed() {
            return runtime.totalMemory() - runtime.freeMemory();
        }
    }

    /** The results as a fixed-width table, one row per mode. */
    public static String table(List<Result> results) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-40s %10s %10s %9s %10s %10s %12s %10s %8s%n",
                "handoff", "sent/s", "taken/s", "max depth", "backlog", "peak heap", "p99 wait", "max wait", "in order"));
        for (Result r : results) {
            out.append(String.format(Locale.ROOT, "%-40s %10.0f %10.0f %9d %10d %9.1fM %12s %10s %8s%n",
                    r.handoff(), r.producedPerSecond(), r.consumedPerSecond(), r.maxDepth(), r.backlogAtDeadline(),
                    r.peakHeapUsedBytes() / 1e6, millis(r.queueDelay().p99Nanos()), millis(r.queueDelay().maxNanos()),
                    r.deliveredAllInOrder() ? "yes" : "NO")
                    + (r.stoppedByHeapGuard() ? "  (stopped early: heap guard)" : ""));
        }
        return out.toString();
    }

    /** The samples of every run as CSV (mode, ms, depth, heap bytes, produced, consumed), for plotting. */
    public static String csv(List<Result> results) {
        StringBuilder out = new StringBuilder("mode,elapsed_ms,depth,heap_used_bytes,produced,consumed\n");
        for (Result r : results) {
            for (Sample s : r.samples()) {
                out.append(r.mode()).append(',').append(s.elapsedMillis()).append(',').append(s.depth()).append(',')
                        .append(s.heapUsedBytes()).append(',').append(s.produced()).append(',')
                        .append(s.consumed()).append('\n');
            }
        }
        return out.toString();
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    /** Arguments: [seconds] [--csv]. */
    public static void main(String[] args) throws InterruptedException {
        Config config = Config.defaults();
        boolean csv = false;
        for (String arg : args) {
            if (arg.equals("--csv")) {
                csv = true;
            } else {
                config = config.withDuration(Duration.ofMillis((long) (Double.parseDouble(arg) * 1000)));
            }
        }
        List<Result> results = runAll(config);
        System.out.print(table(results));
        if (csv) {
            System.out.print(csv(results));
        }
    }
}
