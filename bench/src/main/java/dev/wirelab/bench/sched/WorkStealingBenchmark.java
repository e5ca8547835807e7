package dev.wirelab.bench.sched;

import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.wirelab.bench.BenchmarkDefaults;
import dev.wirelab.core.sched.SchedulerKind;
import dev.wirelab.core.sched.TaskSet;
import dev.wirelab.core.sched.WorkStealingExperiment;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/*
 * Does work stealing finish a skewed batch of tasks sooner than a plain thread pool?
 *
 * core's WorkStealingExperiment already holds the lesson: one reproducible, skewed task set
 * (TaskSet: many short tasks, a few long ones, some that fork children) run on each
 * SchedulerKind with one thread per core, every task checked to have run exactly once. This
 * benchmark reuses it unchanged and lets JMH do the timing: one operation is one whole run of
 * the task set on one scheduler (fresh pool, all tasks, wait for the last), so the score is
 * the wall time of a batch, lower is better.
 *
 * BASELINE    FIXED_THREAD_POOL  ThreadPoolExecutor, one shared queue
 * APPROACH 1  FORK_JOIN_POOL     per-worker deques, idle workers steal
 * APPROACH 2  VIRTUAL_THREADS    a virtual thread per task on the stealing carrier pool
 * CONTRAST    STATIC_PARTITION   tasks dealt out up front, no balancing at all
 *
 * The task set is the experiment's default shape scaled to a quarter (1,000 short, 2 long,
 * 100 forking into 8 children: ~9,500 work units of ~10 µs, so ~0.1 s of CPU per run). What to look for: the balancing schedulers against STATIC_PARTITION (balance is most
 * of the win), and FORK_JOIN_POOL against FIXED_THREAD_POOL (the article's "+40%"; on two
 * cores and tasks of tens of microseconds, expect a small difference).
 *
 * Where it simplifies: each run builds its pool (prestarted threads) inside the timed
 * operation, as the experiment does; against a batch of ~50 ms that is noise.
 *
 * How to run: ./lab bench sched   (or: java -jar bench/target/benchmarks.jar WorkStealingBenchmark)
 *   The experiment itself, with per-worker utilisation: ./lab experiment sched
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class WorkStealingBenchmark extends BenchmarkDefaults {

    @Param
    public SchedulerKind kind;

    private WorkStealingExperiment.Config config;

    /**
     * Iterations of the experiment's work loop per unit: about 10 µs on the lab's 2-vCPU
     * machine (its calibration chose 6,700-6,800 there). Fixed rather than calibrated per
     * fork, so every scheduler is given exactly the same work.
     */
    static final long UNIT_ITERATIONS = 6_800;

    @Setup
    public void setUp() {
        WorkStealingExperiment.Config defaults = WorkStealingExperiment.Config.defaults();
        config = new WorkStealingExperiment.Config(defaults.seed(), TaskSet.Shape.defaults().scaled(0.25),
                defaults.unit(), UNIT_ITERATIONS, defaults.parallelism(), 0, 1);
    }

    /** One whole run of the task set on {@link #kind}; fails loudly if any task was lost or ran twice. */
    @Benchmark
    public long runTaskSet() throws InterruptedException {
        WorkStealingExperiment.Result result = WorkStealingExperiment.run(config, List.of(kind)).result(kind);
        if (!result.correct()) {
            throw new IllegalStateException(kind + " lost or repeated a task: checksum " + result.checksum()
                    + ", expected " + result.expectedChecksum());
        }
        return result.wallNanos();
    }
}
