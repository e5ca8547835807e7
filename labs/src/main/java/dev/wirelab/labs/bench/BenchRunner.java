package dev.wirelab.labs.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs one suite of the {@code bench} module through the JMH API (not its command line),
 * so the lab can show progress, keep JMH's JSON, and reduce the results to a ratio table.
 */
public final class BenchRunner {

    /**
     * How long to measure. {@code quick} is for notebooks and CI: short enough to finish a
     * suite in about a minute, long enough that ratios keep their sign — not a measurement
     * to quote. {@code forks} above 0 replaces the benchmarks' own fork count (and quick's 1):
     * with two or more, the table says how far apart the forks ran.
     */
    public record Settings(boolean quick, String filter, Path jsonOut, int forks) {

        /** The benchmarks' own fork count (one with {@code quick}). */
        public Settings(boolean quick, String filter, Path jsonOut) {
            this(quick, filter, jsonOut, 0);
        }
    }

    /** Parameters that name the thing compared; every other parameter is a condition that must match. */
    static final java.util.Set<String> VARIANT_PARAMS = java.util.Set.of("kind", "variant", "impl");

    private final PrintStream progress;
    private final boolean interactive;

    public BenchRunner(PrintStream progress, boolean interactive) {
        this.progress = progress;
        this.interactive = interactive;
    }

    public List<BenchRow> run(BenchSuite suite, Settings settings) throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(suite.includePattern() + (settings.filter() == null ? "" : settings.filter() + ".*"))
                .shouldFailOnError(true)
                .resultFormat(ResultFormatType.JSON)
                .result(settings.jsonOut().toString());
        if (suite.gcProfile()) {
            options.addProfiler(GCProfiler.class);
        }
        if (settings.quick()) {
            options.forks(1)
                    .warmupIterations(2).warmupTime(TimeValue.milliseconds(200))
                    .measurementIterations(3).measurementTime(TimeValue.milliseconds(200));
        }
        if (settings.forks() > 0) {
            options.forks(settings.forks());
        }
        Collection<RunResult> results = new Runner(options.build(), new ProgressOutput(progress, interactive)).run();
        if (results.isEmpty()) {
            throw new IllegalStateException("no benchmark matched suite '" + suite.id() + "'"
                    + (settings.filter() == null ? "" : " and filter '" + settings.filter() + "'")
                    + "; is the bench module built (./mvnw -pl bench -am install)?");
        }
        List<BenchRow> rows = new ArrayList<>();
        for (RunResult r : results) {
            rows.add(toRow(r));
        }
        return rows;
    }

    static BenchRow toRow(RunResult result) {
        BenchmarkParams params = result.getParams();
        Result<?> primary = result.getPrimaryResult();
        String[] parts = params.getBenchmark().split("\\.");
        String className = parts[parts.length - 2];
        String method = parts[parts.length - 1];
        StringBuilder label = new StringBuilder(method);
        StringBuilder group = new StringBuilder(className);
        int underscore = method.lastIndexOf('_');
        if (underscore > 0) {
            group.append(' ').append(method.substring(underscore + 1));
        }
        for (String key : params.getParamsKeys()) {
            label.append(' ').append(key).append('=').append(params.getParam(key));
            if (!VARIANT_PARAMS.contains(key)) {
                group.append(' ').append(key).append('=').append(params.getParam(key));
            }
        }
        List<Double> forks = result.getBenchmarkResults().stream().map(fork -> fork.getPrimaryResult().getScore()).toList();
        return new BenchRow(className, group.toString(), label.toString(), primary.getScore(), primary.getScoreError(),
                primary.getScoreUnit(), params.getMode() == Mode.Throughput,
                allocation(result.getSecondaryResults()), forkSpread(forks));
    }

    /**
     * How far apart the forks of one benchmark ran: the highest fork score over the lowest
     * (the same number for throughput and for time per operation). Each fork is a fresh JVM
     * on the same machine, so forks of unchanged code should agree; on a shared virtual
     * machine they can settle at two speeds, and then the mean is a mixture of both.
     */
    static double forkSpread(List<Double> forkScores) {
        if (forkScores.size() < 2) {
            return Double.NaN;
        }
        DoubleSummaryStatistics scores = forkScores.stream().mapToDouble(Double::doubleValue).summaryStatistics();
        return scores.getMin() > 0 ? scores.getMax() / scores.getMin() : Double.NaN;
    }

    private static OptionalDouble allocation(Map<String, Result> secondary) {
        Result<?> norm = secondary.get("gc.alloc.rate.norm");
        return norm == null ? OptionalDouble.empty() : OptionalDouble.of(norm.getScore());
    }

}
