package dev.wirelab.core.metrics;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A value that goes up and down ("active connections") and remembers its high-water mark.
 *
 * <p>Use {@link #enter()} in a try-with-resources block, or keep its {@link Guard} with
 * the connection and close it when the connection closes: the gauge cannot leak a count,
 * because closing a guard twice only counts once (Java's answer to Rust's
 * {@code Drop}/{@code defer!}).
 *
 * <p><b>Guarantee:</b> {@link #enter()} and {@link Guard#close()} are lock-free (one CAS
 * loop for the high-water mark). <b>Ordering:</b> the value is an {@link AtomicLong}
 * updated with volatile (sequentially consistent, Rust's {@code SeqCst}) read-modify-writes.
 */
public final class Gauge {

    private final AtomicLong value = new AtomicLong();
    private final AtomicLong highWater = new AtomicLong();

    /** Counts one in; the returned guard counts it out again, exactly once. */
    public Guard enter() {
        long now = value.incrementAndGet();
        highWater.accumulateAndGet(now, Math::max);
        return new Guard(this);
    }

    public long get() {
        return value.get();
    }

    /** The largest value this gauge has had. */
    public long highWaterMark() {
        return highWater.get();
    }

    /** Counts one out when closed; closing it again does nothing. */
    public static final class Guard implements AutoCloseable {
        private final Gauge gauge;
        private final AtomicBoolean closed = new AtomicBoolean();

        private Guard(Gauge gauge) {
            this.gauge = gauge;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                gauge.value.decrementAndGet();
            }
        }

        public boolean isClosed() {
            return closed.get();
        }
    }
}
