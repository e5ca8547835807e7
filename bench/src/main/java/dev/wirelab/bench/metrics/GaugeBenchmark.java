package dev.wirelab.bench.metrics;

import java.util.concurrent.atomic.AtomicLong;

import dev.wirelab.bench.BenchmarkDefaults;
import dev.wirelab.core.metrics.Gauge;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/*
 * What does a leak-proof "active connections" gauge cost over a bare counter?
 *
 * The guard that Gauge.enter() returns makes "active" impossible to leak: closing it
 * twice counts once, and try-with-resources closes it on every path. It costs one object,
 * a compare-and-set on close, and a max() for the high-water mark. A server pays this once
 * per connection, not per message — this benchmark says whether that is worth a thought.
 *
 * BASELINE: increment then decrement a shared AtomicLong (what a hand-written gauge does).
 * APPROACH: Gauge.enter() + Guard.close(), at 1 and 2 threads.
 */
@State(Scope.Benchmark)
public class GaugeBenchmark extends BenchmarkDefaults {

    private final AtomicLong bare = new AtomicLong();
    private final Gauge gauge = new Gauge();

    @Benchmark
    @Threads(1)
    public long baseline_incDec_1thread() {
        bare.incrementAndGet();
        return bare.decrementAndGet();
    }

    @Benchmark
    @Threads(2)
    public long baseline_incDec_2threads() {
        bare.incrementAndGet();
        return bare.decrementAndGet();
    }

    @Benchmark
    @Threads(1)
    public boolean guard_enterClose_1thread() {
        Gauge.Guard guard = gauge.enter();
        guard.close();
        return guard.isClosed();
    }

    @Benchmark
    @Threads(2)
    public boolean guard_enterClose_2threads() {
        Gauge.Guard guard = gauge.enter();
        guard.close();
        return guard.isClosed();
    }
}
