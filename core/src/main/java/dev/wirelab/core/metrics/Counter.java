package dev.wirelab.core.metrics;

import java.util.concurrent.atomic.LongAdder;

/**
 * A monotonically increasing count that many threads bump at once (bytes read, errors).
 *
 * <p><b>The idea.</b> The article's counter is one {@code AtomicU64} with
 * {@code fetch_add(.., Relaxed)}. That is correct, but every core that adds to it must own the
 * same cache line, so under contention the line ping-pongs between cores and each add waits
 * for it. {@link LongAdder} stripes the count: an uncontended add is one CAS on a base field;
 * once two threads collide, each is moved to its own padded cell, and {@link #get} sums the
 * cells. Writes get cheaper, reads get dearer: exactly the trade a metric wants (written on
 * every packet, read once a second).
 *
 * <p><b>Guarantee:</b> {@link #add} is lock-free: a failed CAS means another thread's add
 * succeeded, and the loser is re-hashed to another cell, so retries become rare as contention
 * grows. {@link #get} is not a snapshot: it sums the cells one by one and may miss adds that
 * race with it (it never sees a value that was never true at some point, because the count
 * only grows).
 * <b>Ordering:</b> like Rust's {@code fetch_add(.., Relaxed)}: an add is atomic but orders
 * nothing around it. Fine for a metric; wrong for a sequence number or a "data is ready" flag.
 * {@link SingleWriterCounter} shows the orderings one by one.
 */
public final class Counter {

    private final LongAdder adder = new LongAdder();

    public void increment() {
        adder.increment();
    }

    /** Adds {@code delta}, which must not be negative: a counter only goes up. */
    public void add(long delta) {
        if (delta < 0) {
            throw new IllegalArgumentException("a counter only goes up; delta was " + delta);
        }
        adder.add(delta);
    }

    /** The sum of all adds that completed before this call began (and maybe some racing ones). */
    public long get() {
        return adder.sum();
    }

    @Override
    public String toString() {
        return Long.toString(get());
    }
}
