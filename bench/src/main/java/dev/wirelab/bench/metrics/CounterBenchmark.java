package dev.wirelab.bench.metrics;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import dev.wirelab.bench.BenchmarkDefaults;
import dev.wirelab.core.metrics.Counter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/*
 * What does it cost to count an event that many threads see at once?
 *
 * Every connection of a server bumps "bytes read" after every read. With one event loop
 * per core, that is one shared counter written from every core. A shared AtomicLong puts
 * all writers on one cache line, which then bounces between cores on every increment; a
 * LongAdder gives contended writers cells of their own and sums them only when read; a
 * synchronized counter adds a lock on top of the shared line.
 *
 * BASELINE: a plain long owned by the benchmark thread — no sharing at all.
 * APPROACH 1..4: the shared counters, each measured with 1 thread (no contention: the
 * price of the atomic instruction itself) and with 2 threads (contention on this 2-core
 * machine).
 *
 * How to run: ./lab bench metrics   (or: java -jar bench/target/benchmarks.jar CounterBenchmark)
 */
@State(Scope.Benchmark)
public class CounterBenchmark extends BenchmarkDefaults {

    /** The counters under test, named by what they do under contention. */
    public enum Kind {
        ATOMIC_LONG, LONG_ADDER, SYNCHRONIZED, WIRELAB_COUNTER
    }

    @Param
    public Kind kind;

    private Runnable increment;
    private final AtomicLong atomic = new AtomicLong();
    private final LongAdder adder = new LongAdder();
    private final Counter counter = new Counter();
    private long locked;

    @Setup
    public void setUp() {
        increment = switch (kind) {
            case ATOMIC_LONG -> atomic::incrementAndGet;
            case LONG_ADDER -> adder::increment;
            case SYNCHRONIZED -> this::lockedIncrement;
            case WIRELAB_COUNTER -> counter::increment;
        };
    }

    private synchronized void lockedIncrement() {
        locked++;
    }

    /** Per-thread state for the baseline: nothing is shared. */
    @State(Scope.Thread)
    public static class Own {
        long value;
    }

    @Benchmark
    @Threads(1)
    public long baseline_1thread(Own own) {
        return ++own.value;
    }

    @Benchmark
    @Threads(2)
    public long baseline_2threads(Own own) {
        return ++own.value;
    }

    @Benchmark
    @Threads(1)
    public void increment_1thread() {
        increment.run();
    }

    @Benchmark
    @Threads(2)
    public void increment_2threads() {
        increment.run();
    }
}
