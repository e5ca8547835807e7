package dev.wirelab.labs.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.format.OutputFormat;

/**
 * JMH's console output boiled down to one line that redraws itself: which benchmark is
 * running, which iteration, and JMH's own estimate of how much of the run is done.
 * A student watching a two-minute run sees progress, not a wall of numbers; the numbers
 * come at the end, as a ratio table.
 */
final class ProgressOutput implements OutputFormat {

    private static final Pattern PROGRESS = Pattern.compile("# Run progress: ([0-9.]+)% complete, ETA (\\S+)");

    private final PrintStream out;
    private final boolean interactive;
    private String percent = "0.00";
    private String eta = "?";
    private String benchmark = "";

    ProgressOutput(PrintStream out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    @Override
    public void startBenchmark(BenchmarkParams params) {
        benchmark = shortName(params);
        if (!interactive) {
            out.printf("[%5s%%] %s%n", percent, benchmark);
        }
    }

    @Override
    public void iteration(BenchmarkParams params, IterationParams iteration, int index) {
        redraw(iteration.getType().name().toLowerCase() + " " + index + "/" + iteration.getCount());
    }

    @Override
    public void iterationResult(BenchmarkParams params, IterationParams iteration, int index, IterationResult result) {
        // the ratio table at the end shows the results
    }

    @Override
    public void endBenchmark(BenchmarkResult result) {
        // next startBenchmark redraws
    }

    @Override
    public void startRun() {
        // nothing to show until the first benchmark starts
    }

    @Override
    public void endRun(Collection<RunResult> result) {
        if (interactive) {
            out.print("\r" + " ".repeat(110) + "\r");
            out.flush();
        }
    }

    @Override
    public void print(String s) {
        // JMH's banner and per-iteration text: replaced by the progress line
    }

    @Override
    public void println(String s) {
        Matcher m = PROGRESS.matcher(s);
        if (m.find()) {
            percent = m.group(1);
            eta = m.group(2);
        } else if (s.startsWith("<failure>") || s.contains("Exception") || s.startsWith("# ERROR")) {
            out.println(s); // failures must be seen
        }
    }

    private void redraw(String phase) {
        if (!interactive) {
            return;
        }
        String line = String.format("[%5s%% ETA %s] %s  %s", percent, eta, benchmark, phase);
        if (line.length() > 110) {
            line = line.substring(0, 107) + "...";
        }
        out.print("\r" + line + " ".repeat(Math.max(0, 110 - line.length())));
        out.flush();
    }

    static String shortName(BenchmarkParams params) {
        String full = params.getBenchmark();
        String[] parts = full.split("\\.");
        String name = parts.length >= 2 ? parts[parts.length - 2] + "." + parts[parts.length - 1] : full;
        StringBuilder sb = new StringBuilder(name);
        for (String key : params.getParamsKeys()) {
            sb.append(' ').append(key).append('=').append(params.getParam(key));
        }
        return sb.toString();
    }

    @Override
    public void flush() {
        out.flush();
    }

    @Override
    public void close() {
        out.flush();
    }

    @Override
    public void verbosePrintln(String s) {
        // verbose output is not shown
    }

    @Override
    public void write(int b) {
        // raw output from forked VMs is not shown
    }

    @Override
    public void write(byte[] b) throws IOException {
        // raw output from forked VMs is not shown
    }
}
