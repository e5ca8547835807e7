package dev.wirelab.core.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import dev.wirelab.core.sched.WorkStealingExperiment.Config;
import dev.wirelab.core.sched.WorkStealingExperiment.Report;
import dev.wirelab.core.sched.WorkStealingExperiment.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Correctness of the work-stealing experiment, never its speed: on a shared, noisy machine a
 * speed assertion would be a coin toss. Work units are a fixed 50 loop iterations here, so the
 * runs are short.
 */
@Timeout(120)
class WorkStealingExperimentTest {

    private static final TaskSet.Shape SHAPE = new TaskSet.Shape(300, 5, 4, 200, 30, 6, 5);
    private static final Config CONFIG = new Config(11, SHAPE, Duration.ofNanos(10_000), 50, 2, 0, 2);

    /** On every scheduler every task runs exactly once and the checksum is the expected sum. */
    @ParameterizedTest
    @EnumSource(SchedulerKind.class)
    void everyTaskRunsExactlyOnce(SchedulerKind kind) throws Exception {
        Report report = WorkStealingExperiment.run(CONFIG, List.of(kind));
        Result r = report.result(kind);

        TaskSet set = TaskSet.generate(11, SHAPE);
        assertTrue(r.everyTaskRanOnce(), kind + " lost or repeated a task");
        assertEquals(set.expectedChecksum(), r.checksum());
        assertEquals(set.totalTasks(), r.tasks());
        assertEquals(set.totalTasks(), r.workers().stream().mapToLong(WorkStealingExperiment.WorkerLoad::tasks).sum(),
                "per-worker task counts must add up to every task");
        assertEquals(2, r.roundWallNanos().size());
        assertTrue(r.workers().stream().allMatch(w -> w.busyNanos() > 0 && w.tasks() > 0));
    }

    /**
     * Fixed-size schedulers report only their own threads as workers. (In the shared-queue pool
     * a starved thread may run nothing in a short run, so only "no strangers" is checked there;
     * the static partition gives each thread its slice, so both must appear.)
     */
    @Test
    void fixedSchedulersReportTheirOwnThreads() throws Exception {
        Report report = WorkStealingExperiment.run(CONFIG, List.of(SchedulerKind.FIXED_THREAD_POOL, SchedulerKind.STATIC_PARTITION));
        List<String> fixed = report.result(SchedulerKind.FIXED_THREAD_POOL).workers().stream()
                .map(WorkStealingExperiment.WorkerLoad::worker).toList();
        assertTrue(!fixed.isEmpty() && List.of("fixed-worker-1", "fixed-worker-2").containsAll(fixed), fixed.toString());
        assertEquals(List.of("static-worker-1", "static-worker-2"),
                report.result(SchedulerKind.STATIC_PARTITION).workers().stream().map(WorkStealingExperiment.WorkerLoad::worker).toList());
    }

    /** The report's ratios are computed from the measured throughputs, not assumed. */
    @Test
    void reportCarriesTheMeasuredRatios() throws Exception {
        Report report = WorkStealingExperiment.run(CONFIG);
        double fixed = report.result(SchedulerKind.FIXED_THREAD_POOL).tasksPerSecond();
        double fj = report.result(SchedulerKind.FORK_JOIN_POOL).tasksPerSecond();
        double virtual = report.result(SchedulerKind.VIRTUAL_THREADS).tasksPerSecond();
        double stat = report.result(SchedulerKind.STATIC_PARTITION).tasksPerSecond();

        assertEquals(fj / fixed, report.workStealingSpeedup(), 1e-9);
        assertEquals(virtual / fixed, report.virtualThreadSpeedup(), 1e-9);
        assertEquals(fj / stat, report.overStaticPartition(), 1e-9);
        assertEquals(report.workStealingSpeedup() >= 1.40, report.articleClaimHolds());
        assertTrue(report.results().stream().allMatch(Result::correct));

        String table = WorkStealingExperiment.table(report);
        assertTrue(table.contains("ForkJoinPool, work stealing"), table);
        assertTrue(table.contains(String.format(java.util.Locale.ROOT, "work stealing vs fixed pool: %.2fx",
                report.workStealingSpeedup())), table);
    }

    /** A time budget scales the task counts, keeping the shape of the skew. */
    @Test
    void budgetScalesTheTaskCounts() {
        Config base = Config.defaults();
        Config bigger = base.withBudget(Duration.ofSeconds(20));
        Config smaller = base.withBudget(Duration.ofSeconds(1));
        assertTrue(bigger.shape().shortTasks() > smaller.shape().shortTasks());
        assertEquals(base.shape().longUnits(), bigger.shape().longUnits());
    }

    /** The work loop's result is never zero, which the checksum relies on to keep it alive. */
    @Test
    void burnNeverReturnsZero() {
        for (int seed = 1; seed < 1000; seed++) {
            assertTrue(Work.burn(seed, seed) != 0);
        }
    }
}
