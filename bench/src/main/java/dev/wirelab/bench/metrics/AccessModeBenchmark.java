package dev.wirelab.bench.metrics;

import java.util.concurrent.atomic.AtomicLong;

import dev.wirelab.bench.BenchmarkDefaults;
import dev.wirelab.core.metrics.SingleWriterCounter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/*
 * What does the memory ordering of a single writer's store cost?
 *
 * When exactly one thread writes a counter (an event loop counting its own reads), it needs
 * no atomic read-modify-write: read your own last value, add, store. What remains is how
 * the store is published to readers, and core's SingleWriterCounter lets you pick:
 * opaque (Rust's Relaxed), release (Release/Acquire) or volatile (SeqCst). Its class doc
 * says that on x86-64 only the volatile store costs a fence; this benchmark is where that
 * claim is measured.
 *
 * BASELINE   PLAIN            a plain long field: the compiler may keep it in a register
 *                             and store it whenever it likes (no reader is promised anything)
 * APPROACH 1 OPAQUE           SingleWriterCounter(OPAQUE): setOpaque, a plain mov on x86
 * APPROACH 2 RELEASE_ACQUIRE  SingleWriterCounter(RELEASE_ACQUIRE): setRelease, also a mov
 * APPROACH 3 VOLATILE         SingleWriterCounter(VOLATILE): setVolatile, a mov plus a fence
 * CONTRAST   ATOMIC_ADD       AtomicLong.incrementAndGet: the lock xadd a counter with many
 *                             writers has to pay (see CounterBenchmark), for scale
 *
 * One writer thread, no reader: the cost is the writer's own. The SingleWriterCounter rows
 * include its owner check (one acquire load and a compare per add), which the PLAIN row does
 * not pay; the OPAQUE row's distance from PLAIN is that check plus the lost register caching.
 *
 * How to run: ./lab bench metrics --filter AccessModeBenchmark
 *        (or: java -jar bench/target/benchmarks.jar AccessModeBenchmark)
 */
@State(Scope.Thread) // the thread that creates the state is the one that writes: the counter's owner
public class AccessModeBenchmark extends BenchmarkDefaults {

    /** How the increment is published. */
    public enum Kind {
        PLAIN, OPAQUE, RELEASE_ACQUIRE, VOLATILE, ATOMIC_ADD
    }

    @Param
    public Kind kind;

    private long plain;
    private SingleWriterCounter counter;
    private final AtomicLong atomic = new AtomicLong();

    @Setup
    public void setUp() {
        counter = switch (kind) {
            case OPAQUE -> new SingleWriterCounter(SingleWriterCounter.Ordering.OPAQUE);
            case RELEASE_ACQUIRE -> new SingleWriterCounter(SingleWriterCounter.Ordering.RELEASE_ACQUIRE);
            case VOLATILE -> new SingleWriterCounter(SingleWriterCounter.Ordering.VOLATILE);
            case PLAIN, ATOMIC_ADD -> null;
        };
    }

    @Benchmark
    @Threads(1)
    public void increment_1writer() {
        switch (kind) {
            case PLAIN -> plain++;
            case OPAQUE, RELEASE_ACQUIRE, VOLATILE -> counter.increment();
            case ATOMIC_ADD -> atomic.incrementAndGet();
        }
    }
}
