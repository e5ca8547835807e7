package dev.wirelab.labs.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import dev.wirelab.core.flow.BackpressureExperiment;
import dev.wirelab.core.sched.WorkStealingExperiment;
import dev.wirelab.labs.report.Charts;
import dev.wirelab.labs.report.ReportFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lab experiment flow|sched}: runs one of core's runtime experiments and prints its
 * table. The numbers come from this machine, this run; the table says how they were made.
 */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = "Run a runtime experiment and print its results: flow (backpressure) or sched (work stealing).",
        subcommands = {ExperimentCommand.Flow.class, ExperimentCommand.Sched.class})
public final class ExperimentCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        // `lab experiment` alone: say which experiments there are.
        throw new CommandLine.ParameterException(spec.commandLine(),
                "name an experiment: 'lab experiment flow' or 'lab experiment sched'");
    }

    static Duration seconds(CommandLine.Model.CommandSpec spec, double seconds) {
        if (!(seconds > 0 && seconds <= 600)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--seconds must be more than 0 and at most 600, was " + seconds);
        }
        return Duration.ofMillis(Math.max(1, Math.round(seconds * 1000)));
    }

    /** {@code lab experiment flow}: bounded, publisher and unbounded handoffs side by side. */
    @Command(name = "flow", mixinStandardHelpOptions = true,
            description = "Backpressure: a fast producer and a slow consumer through a bounded queue, "
                    + "a Flow publisher and an unbounded queue; queue depth, heap and wait times.")
    static final class Flow implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--seconds", defaultValue = "3", description = "How long each handoff runs (default: ${DEFAULT-VALUE}).")
        double seconds;

        @Option(names = "--csv", description = "Also print every depth/heap sample as CSV, for plotting.")
        boolean csv;

        @Option(names = "--out", paramLabel = "DIR", description = "where the chart goes (default: reports/ under the project)")
        java.nio.file.Path outDir;

        @Override
        public Integer call() throws InterruptedException, java.io.IOException {
            PrintWriter out = spec.commandLine().getOut();
            BackpressureExperiment.Config config = BackpressureExperiment.Config.defaults().withDuration(seconds(spec, seconds));
            out.printf(java.util.Locale.ROOT,
                    "producer %,d items/s of %,d B, consumer %,d items/s, bounded capacity %,d, %.1f s per handoff%n",
                    config.producerRate(), config.payloadBytes(), config.consumerRate(), config.capacity(),
                    config.duration().toMillis() / 1000.0);
            out.flush();
            List<BackpressureExperiment.Result> results = BackpressureExperiment.runAll(config);
            out.print(BackpressureExperiment.table(results));
            if (csv) {
                out.print(BackpressureExperiment.csv(results));
            }
            out.println("wrote " + chart(results));
            out.flush();
            return 0;
        }

        /** Queue depth and heap over time, one line per handoff: the difference is easier seen than read. */
        private String chart(List<BackpressureExperiment.Result> results) throws java.io.IOException {
            ReportFiles files = ReportFiles.orDefault(outDir);
            java.nio.file.Path base = files.reserve("flow", java.time.LocalDateTime.now(), "png");
            java.nio.file.Path depthPng = base.resolveSibling(base.getFileName() + "-depth.png");
            java.nio.file.Path heapPng = base.resolveSibling(base.getFileName() + "-heap.png");
            java.util.Map<String, double[][]> depth = new java.util.LinkedHashMap<>();
            java.util.Map<String, double[][]> heap = new java.util.LinkedHashMap<>();
            for (BackpressureExperiment.Result r : results) {
                double[] t = r.samples().stream().mapToDouble(x -> x.elapsedMillis() / 1000.0).toArray();
                depth.put(r.handoff(), new double[][] {t, r.samples().stream().mapToDouble(x -> Math.max(1, x.depth())).toArray()});
                heap.put(r.handoff(), new double[][] {t, r.samples().stream().mapToDouble(x -> x.heapUsedBytes() / 1e6).toArray()});
            }
            Charts.lines(depthPng, "Queue depth over time (log scale): the bounded ones stop at their capacity",
                    "seconds", "items waiting", false, true, depth);
            Charts.lines(heapPng, "Heap used over time: what the unbounded queue costs", "seconds", "MB", false, false, heap);
            return depthPng + " and " + heapPng.getFileName();
        }
    }

    /** {@code lab experiment sched}: the skewed task set on four schedulers. */
    @Command(name = "sched", mixinStandardHelpOptions = true,
            description = "Work stealing: one skewed task set on a fixed pool, a ForkJoinPool, virtual threads "
                    + "and a static partition; throughput, per-worker utilisation and the speed-up ratios.")
    static final class Sched implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--seconds", defaultValue = "4",
                description = "Rough total time for all schedulers and rounds (default: ${DEFAULT-VALUE}).")
        double seconds;

        @Option(names = "--seed", defaultValue = "42", description = "Seed of the task set (default: ${DEFAULT-VALUE}).")
        long seed;

        @Override
        public Integer call() throws InterruptedException {
            PrintWriter out = spec.commandLine().getOut();
            WorkStealingExperiment.Config d = WorkStealingExperiment.Config.defaults();
            WorkStealingExperiment.Config config = new WorkStealingExperiment.Config(seed, d.shape(), d.unit(),
                    d.unitIterations(), d.parallelism(), d.warmupRounds(), d.rounds()).withBudget(seconds(spec, seconds));
            out.print(WorkStealingExperiment.table(WorkStealingExperiment.run(config)));
            out.flush();
            return 0;
        }
    }
}
