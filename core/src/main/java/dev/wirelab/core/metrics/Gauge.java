package dev.wirelab.core.metrics;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A value that goes up and down ("active connections") and remembers its high-water mark.
 *
 * <p><b>The idea.</b> The article pairs {@code fetch_add(1)} with a {@code defer!} block that
 * subtracts again, so the count cannot leak when the handler returns early or panics. Java's
 * equivalent is an {@link AutoCloseable} guard in try-with-resources: {@link #enter()} counts
 * one in and returns a {@link Guard}; closing the guard counts it out, on every exit path.
 *
 * <pre>{@code
 * try (var in = metrics.active().enter()) {
 *     serve(connection);            // returns, throws: either way the guard closes
 * }
 * }</pre>
 *
 * When a connection outlives the method that opened it (a selector loop, an actor), keep the
 * guard in the connection's state and close it when the connection closes. Closing a guard
 * twice counts out only once, so "close everything on every error path" is always safe: a
 * gauge fed only through guards can never go negative or drift upwards.
 *
 * <p><b>Guarantee:</b> {@link #enter()} and {@link Guard#close()} are lock-free (one atomic
 * add, plus a read, and rarely a CAS, for the {@link HighWaterMark}).
 * <b>Ordering:</b> the value is an {@link AtomicLong} changed by volatile read-modify-writes
 * (Rust's {@code SeqCst}). The high-water mark is updated after the add, so a reader may for
 * an instant see {@code get() > highWaterMark()}; it is never behind for longer than one
 * {@code enter()} call.
 */
public final class Gauge {

    private final AtomicLong value = new AtomicLong();
    private final HighWaterMark highWater = new HighWaterMark();

    /** Counts one in; the returned guard counts it out again, exactly once. */
    public Guard enter() {
        highWater.observe(value.incrementAndGet());
        return new Guard(this);
    }

    public long get() {
        return value.get();
    }

    /** The largest value this gauge has had. */
    public long highWaterMark() {
        return highWater.get();
    }

    @Override
    public String toString() {
        return get() + " (peak " + highWaterMark() + ")";
    }

    /** Counts one out when closed; closing it again does nothing. */
    public static final class Guard implements AutoCloseable {
        private final Gauge gauge;
        private final AtomicBoolean closed = new AtomicBoolean();

        private Guard(Gauge gauge) {
            this.gauge = gauge;
        }

        /** Counts out once; every later call (from any thread) finds the flag set and returns. */
        @Override
        public void close() {
            // The CAS is the "exactly once": of all racing closers, one wins.
            if (closed.compareAndSet(false, true)) {
                gauge.value.decrementAndGet();
            }
        }

        public boolean isClosed() {
            return closed.get();
        }
    }
}
