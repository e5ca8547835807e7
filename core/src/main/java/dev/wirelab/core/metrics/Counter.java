package dev.wirelab.core.metrics;

import java.util.concurrent.atomic.LongAdder;

/**
 * A monotonically increasing count that many threads bump at once (bytes read, errors).
 *
 * <p><b>Guarantee:</b> {@link #add} is wait-free in practice: a {@link LongAdder} spreads
 * contended updates over per-thread cells, so writers rarely meet on one cache line.
 * <b>Ordering:</b> like Rust's {@code fetch_add(.., Relaxed)}: an update is atomic but
 * orders nothing around it; {@link #get} sums the cells and may miss updates that race
 * with it, which is fine for a metric and wrong for a sequence number.
 */
public final class Counter {

    private final LongAdder adder = new LongAdder();

    public void increment() {
        adder.increment();
    }

    public void add(long delta) {
        if (delta < 0) {
            throw new IllegalArgumentException("a counter only goes up; delta was " + delta);
        }
        adder.add(delta);
    }

    public long get() {
        return adder.sum();
    }

    @Override
    public String toString() {
        return Long.toString(get());
    }
}
