package dev.wirelab.core.sched;

import java.time.Duration;
import java.util.List;

import dev.wirelab.core.experiment.Experiment;

/** {@code lab experiment sched}: runs {@link WorkStealingExperiment} (the lesson) and prints its table. */
public final class SchedLab implements Experiment {

    @Override
    public String name() {
        return "sched";
    }

    @Override
    public String summary() {
        return "Work stealing: one skewed task set on a fixed pool, a ForkJoinPool, virtual threads and a static "
                + "partition; throughput, per-worker utilisation and the speed-up ratios.";
    }

    @Override
    public Class<?> lesson() {
        return WorkStealingExperiment.class;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.value("seconds", "4", "Rough total time for all schedulers and rounds (more than 0, at most 600)."),
                Parameter.value("seed", "42", "Seed of the task set."));
    }

    @Override
    public int run(Context context) throws InterruptedException {
        Duration budget = context.seconds("seconds", 600);
        long seed = context.integer("seed");
        WorkStealingExperiment.Config d = WorkStealingExperiment.Config.defaults();
        WorkStealingExperiment.Config config = new WorkStealingExperiment.Config(seed, d.shape(), d.unit(),
                d.unitIterations(), d.parallelism(), d.warmupRounds(), d.rounds())
                .withBudget(budget);
        WorkStealingExperiment.Report report = WorkStealingExperiment.run(config);
        context.out().print(WorkStealingExperiment.table(report));
        context.out().flush();
        return report.results().stream().allMatch(WorkStealingExperiment.Result::correct) ? 0 : 1;
    }
}
