package dev.wirelab.core.flow;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.wirelab.core.experiment.Experiment;

/**
 * {@code lab experiment flow}: runs {@link BackpressureExperiment} (the lesson) and prints its
 * table, then charts queue depth and heap over time, one line per handoff.
 */
public final class FlowLab implements Experiment {

    @Override
    public String name() {
        return "flow";
    }

    @Override
    public String summary() {
        return "Backpressure: a fast producer and a slow consumer through a bounded queue, a Flow publisher "
                + "and an unbounded queue; queue depth, heap and wait times.";
    }

    @Override
    public Class<?> lesson() {
        return BackpressureExperiment.class;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.value("seconds", "3", "How long each handoff runs (more than 0, at most 600)."),
                Parameter.flag("csv", "Also print every depth/heap sample as CSV, for plotting."));
    }

    @Override
    public int run(Context context) throws InterruptedException, IOException {
        PrintWriter out = context.out();
        BackpressureExperiment.Config config = BackpressureExperiment.Config.defaults().withDuration(context.seconds("seconds", 600));
        out.printf(Locale.ROOT, "producer %,d items/s of %,d B, consumer %,d items/s, bounded capacity %,d, %.1f s per handoff%n",
                config.producerRate(), config.payloadBytes(), config.consumerRate(), config.capacity(),
                config.duration().toMillis() / 1000.0);
        out.flush();
        List<BackpressureExperiment.Result> results = BackpressureExperiment.runAll(config);
        out.print(BackpressureExperiment.table(results));
        if (context.flag("csv")) {
            out.print(BackpressureExperiment.csv(results));
        }
        out.println("wrote " + charts(context, results));
        out.flush();
        return results.stream().allMatch(BackpressureExperiment.Result::deliveredAllInOrder) ? 0 : 1;
    }

    /** Queue depth and heap over time, one line per handoff: the difference is easier seen than read. */
    private static String charts(Context context, List<BackpressureExperiment.Result> results) throws IOException {
        Path base = context.reportBase("flow");
        Path depthPng = base.resolveSibling(base.getFileName() + "-depth.png");
        Path heapPng = base.resolveSibling(base.getFileName() + "-heap.png");
        Map<String, double[][]> depth = new LinkedHashMap<>();
        Map<String, double[][]> heap = new LinkedHashMap<>();
        for (BackpressureExperiment.Result r : results) {
            double[] t = r.samples().stream().mapToDouble(x -> x.elapsedMillis() / 1000.0).toArray();
            depth.put(r.handoff(), new double[][] {t, r.samples().stream().mapToDouble(x -> Math.max(1, x.depth())).toArray()});
            heap.put(r.handoff(), new double[][] {t, r.samples().stream().mapToDouble(x -> x.heapUsedBytes() / 1e6).toArray()});
        }
        context.lineChart(depthPng, "Queue depth over time (log scale): the bounded ones stop at their capacity",
                "seconds", "items waiting", true, depth);
        context.lineChart(heapPng, "Heap used over time: what the unbounded queue costs", "seconds", "MB", false, heap);
        return depthPng + " and " + heapPng.getFileName();
    }
}
