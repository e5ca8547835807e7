package dev.wirelab.core.metrics;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Latencies recorded by many threads, read as a series of intervals ("the last second") and
 * as a running total: HdrHistogram's {@link Recorder} with the lab's summary records.
 *
 * <p><b>The idea.</b> An average hides the slow requests users remember, so latency is kept
 * as a histogram and read as percentiles. Two problems remain: writers must not take a lock
 * (recording sits on the hot path), and a reader wants "what happened since I last looked"
 * without stopping the writers. {@link Recorder} solves both: writers record into an active
 * histogram; {@link #interval()} swaps in an empty one and waits (a "phase flip") until writers
 * that were mid-record have left the old one, then reads it in peace.
 *
 * <pre>
 *   writers ──record──► [ active histogram ]      interval():  swap active ⇄ inactive,
 *                       [ inactive (reader's) ]               wait out in-flight writers,
 *                                                             summarise, add to total
 * </pre>
 *
 * <p>Values are nanoseconds from 1 ns up to a highest trackable value (default 1 minute),
 * kept to 3 significant digits (a reported 1.234 ms is within 0.1% of the truth). A value
 * above the highest is recorded as the highest and counted in {@link #clamped()}: a
 * latency histogram must not throw on a freak value in the middle of a benchmark.
 *
 * <p><b>Guarantee:</b> {@link #record} is wait-free (HdrHistogram's writer path is a fixed
 * number of atomic increments, no loops). {@link #interval()} and {@link #total()} are
 * blocking and for one reader at a time; this class serialises readers with a lock so any
 * thread may call them. <b>Ordering:</b> the phase flip gives release/acquire: everything a
 * writer recorded before {@code interval()} began is in that interval or an earlier one; a
 * record racing with the flip lands in this interval or the next, never in neither.
 */
public final class LatencyRecorder {

    /** One minute in nanoseconds: the default ceiling. */
    public static final long DEFAULT_HIGHEST_NANOS = TimeUnit.MINUTES.toNanos(1);
    /** Three significant digits: the HdrHistogram default, 0.1% resolution. */
    public static final int DEFAULT_DIGITS = 3;

    private final long highestNanos;
    private final Recorder recorder;
    private final Counter clamped = new Counter();

    // Reader side: guarded by readerLock.
    private final ReentrantLock readerLock = new ReentrantLock();
    private final Histogram total;
    private Histogram recycled;
    private long intervalStartNanos;

    public LatencyRecorder() {
        this(Duration.ofNanos(DEFAULT_HIGHEST_NANOS), DEFAULT_DIGITS);
    }

    /**
     * @param highest the largest latency kept exactly; larger ones are clamped to it
     * @param significantDigits 1..5; each digit costs about 10x the memory
     */
    public LatencyRecorder(Duration highest, int significantDigits) {
        this.highestNanos = highest.toNanos();
        if (highestNanos < 2) {
            throw new IllegalArgumentException("highest trackable latency must be at least 2 ns, was " + highest);
        }
        this.recorder = new Recorder(1, highestNanos, significantDigits);
        this.total = new Histogram(1, highestNanos, significantDigits);
        this.intervalStartNanos = System.nanoTime();
    }

    /** Records one latency; negative values are a caller bug (a clock read the wrong way round). */
    public void record(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("latency cannot be negative: " + nanos + " ns");
        }
        if (nanos > highestNanos) {
            clamped.increment();
            nanos = highestNanos;
        }
        recorder.recordValue(nanos);
    }

    public void record(Duration latency) {
        record(latency.toNanos());
    }

    /** How many recorded values were larger than the highest trackable value and were clamped. */
    public long clamped() {
        return clamped.get();
    }

    /**
     * Everything recorded since the previous call (or since construction), summarised; the
     * interval is also added to the running {@link #total()}.
     */
    public Interval interval() {
        readerLock.lock();
        try {
            // The recycled histogram is the one we read last time: Recorder hands it back to
            // the writers as the next active one, so a steady state allocates nothing.
            Histogram interval = recorder.getIntervalHistogram(recycled);
            long end = System.nanoTime();
            total.add(interval);
            Interval result = new Interval(intervalStartNanos, end, Summary.of(interval));
            intervalStartNanos = end;
            recycled = interval;
            return result;
        } finally {
            readerLock.unlock();
        }
    }

    /**
     * Everything in the intervals read so far. It does not fold in the open interval, because
     * that would steal its values from the next {@link #interval()} call: call
     * {@code interval()} first when you want "everything up to now".
     */
    public Summary total() {
        readerLock.lock();
        try {
            return Summary.of(total);
        } finally {
            readerLock.unlock();
        }
    }

    /** A span of time ({@link System#nanoTime()} stamps) and what was recorded in it. */
    public record Interval(long startNanos, long endNanos, Summary latency) {
        public Duration length() {
            return Duration.ofNanos(endNanos - startNanos);
        }

        /** Recorded values per second over this interval. */
        public double ratePerSecond() {
            long nanos = endNanos - startNanos;
            return nanos <= 0 ? 0 : latency.count() * 1e9 / nanos;
        }
    }

    /** Percentiles of a latency histogram, in nanoseconds; all zero when nothing was recorded. */
    public record Summary(long count, long minNanos, long p50Nanos, long p90Nanos, long p99Nanos,
                          long p999Nanos, long maxNanos, double meanNanos) {

        public static Summary of(Histogram h) {
            if (h.getTotalCount() == 0) {
                return new Summary(0, 0, 0, 0, 0, 0, 0, 0);
            }
            // HdrHistogram reports the highest value equivalent to the bucket a percentile
            // falls in: an upper bound within the histogram's precision.
            return new Summary(h.getTotalCount(), h.getMinValue(),
                    h.getValueAtPercentile(50), h.getValueAtPercentile(90), h.getValueAtPercentile(99),
                    h.getValueAtPercentile(99.9), h.getMaxValue(), h.getMean());
        }
    }
}
