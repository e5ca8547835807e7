package dev.wirelab.labs.tour;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wirelab.core.load.LoadError;
import dev.wirelab.core.load.LoadReport;
import dev.wirelab.labs.report.Charts;
import dev.wirelab.labs.report.TextTable;

/**
 * Turns a {@link TourResult} into what people read: the comparison table (terminal and
 * Markdown), the JSON a notebook or a test loads, and two charts — message rate relative to
 * the best variant per scenario, and latency by percentile.
 */
public final class TourReport {

    private final TourResult result;

    public TourReport(TourResult result) {
        this.result = result;
    }

    /** Every scenario run, with its variant, in table order (scenario by scenario). */
    private List<Map.Entry<TourResult.VariantRun, TourResult.ScenarioRun>> rowsByScenario() {
        List<Map.Entry<TourResult.VariantRun, TourResult.ScenarioRun>> rows = new ArrayList<>();
        for (TourScenario scenario : scenarios()) {
            for (TourResult.VariantRun v : result.variants()) {
                v.runs().stream().filter(r -> r.scenario().equals(scenario)).findFirst()
                        .ifPresent(r -> rows.add(Map.entry(v, r)));
            }
        }
        return rows;
    }

    List<TourScenario> scenarios() {
        List<TourScenario> scenarios = new ArrayList<>();
        result.variants().forEach(v -> v.runs().forEach(r -> {
            if (!scenarios.contains(r.scenario())) {
                scenarios.add(r.scenario());
            }
        }));
        return scenarios;
    }

    /**
     * A message rate relative to the best of its scenario: 1.0 for the best, less for the
     * others (higher is better), 0 when nothing was measured rather than NaN.
     */
    static double ratioToBest(double rate, double best) {
        return best == 0 ? 0 : rate / best;
    }

    /** The best message rate any variant reached in this scenario. */
    double bestRate(TourScenario scenario) {
        return result.variants().stream().flatMap(v -> v.runs().stream())
                .filter(r -> r.scenario().equals(scenario))
                .mapToDouble(r -> r.report().messagesPerSecond()).max().orElse(0);
    }

    public TextTable table() {
        TextTable table = new TextTable("scenario", "variant", "msgs/s", "MB/s", "p50 µs", "p99 µs", "p99.9 µs",
                "errors", "server CPU", "server RSS", "CPU s/M msgs", "switches/msg", "GC pauses", "vs best");
        for (var row : rowsByScenario()) {
            TourResult.ScenarioRun run = row.getValue();
            LoadReport r = run.report();
            double best = bestRate(run.scenario());
            table.row(run.scenario().id() + " " + run.scenario().label(), row.getKey().variant(),
                    fmt("%,.0f", r.messagesPerSecond()), fmt("%,.1f", r.megabytesPerSecond()),
                    fmt("%,.0f", r.latency().p50()), fmt("%,.0f", r.latency().p99()), fmt("%,.0f", r.latency().p999()),
                    r.errorCount() + r.connectFailures(),
                    cores(run.serverCores()),
                    run.serverRss().isPresent() ? fmt("%,d MiB", run.serverRss().getAsLong() >> 20) : "-",
                    run.cost().map(c -> fmt("%.2f", c.cpuSecondsPerMillion())).orElse("-"),
                    run.cost().map(TourReport::switches).orElse("-"),
                    run.gc().map(g -> g.count() == 0 ? "0" : fmt("%d (max %.1f ms)", g.count(), g.maxMillis())).orElse("-"),
                    best == 0 ? "-" : fmt("%.2f×", ratioToBest(r.messagesPerSecond(), best)));
        }
        return table;
    }

    /** "0.93 (0.91 vol)": all context switches per message, and how many of them were a thread going to sleep. */
    static String switches(MessageCost cost) {
        return fmt("%.2f (%.2f vol)", cost.switchesPerMessage(), cost.voluntaryPerMessage());
    }

    private static String cores(OptionalDouble cores) {
        return cores.isPresent() ? fmt("%.2f cores", cores.getAsDouble()) : "-";
    }

    /**
     * The tour's goals, each checked against this run's figures and stated with the figure that
     * met or missed it; a goal whose variants did not run is left out. "Netty" is its best
     * configuration in this run (the tour may run several, e.g. {@code netty@transport=nio} and
     * {@code netty@transport=epoll}); "the selector" is {@code nio}. Every goal is about the
     * rate scenario (64 connections × 64 B), where per-message costs decide, except the warm-up
     * check, which is about each variant's first scenario.
     */
    public List<String> goals() {
        List<String> lines = new ArrayList<>();
        String rate = TourScenario.RATE.id();
        Optional<TourResult.ScenarioRun> netty = result.variants().stream()
                .filter(v -> Tour.providerName(v.variant()).equals("netty"))
                .flatMap(v -> run(v.variant(), rate).stream())
                .max(java.util.Comparator.comparingDouble(r -> r.report().messagesPerSecond()));
        Optional<TourResult.ScenarioRun> selector = run("nio", rate);
        if (netty.isPresent() && selector.isPresent()) {
            LoadReport n = netty.get().report();
            LoadReport s = selector.get().report();
            lines.add(ratioGoal(s.messagesPerSecond() / n.messagesPerSecond() >= 0.9,
                    "selector ≥ 0.9× Netty msgs/s at 64 × 64 B: %.2f×", s.messagesPerSecond() / n.messagesPerSecond()));
            lines.add(ratioGoal(s.latency().p99() <= 1.2 * n.latency().p99(),
                    "selector p99 ≤ 1.2× Netty's at 64 × 64 B: %.2f×", s.latency().p99() / n.latency().p99()));
            lines.add(ratioGoal(n.latency().p99() <= 1.5 * s.latency().p99(),
                    "Netty p99 ≤ 1.5× the selector's at 64 × 64 B: %.2f×", n.latency().p99() / s.latency().p99()));
        }
        selector.ifPresent(s -> {
            double base = s.report().messagesPerSecond();
            int cpus = result.serverCpus();
            double virtualGoal = cpus >= 2 ? 0.8 : 0.6;
            String cores = cpus == 0 ? "unknown server cores" : cpus == 1 ? "one server core" : cpus + " server cores";
            run("virtual", rate).ifPresent(v -> lines.add(ratioGoal(v.report().messagesPerSecond() >= virtualGoal * base,
                    "virtual threads ≥ " + virtualGoal + "× the selector's msgs/s at 64 × 64 B (" + cores + "): %.2f×",
                    v.report().messagesPerSecond() / base)));
            run("akka", rate).ifPresent(a -> lines.add(ratioGoal(a.report().messagesPerSecond() >= 0.5 * base,
                    "Akka ≥ 0.5× the selector's msgs/s at 64 × 64 B (" + cores + "): %.2f×",
                    a.report().messagesPerSecond() / base)));
        });
        netty.ifPresent(n -> {
            double nettyP99 = n.report().latency().p99();
            for (TourResult.VariantRun v : result.variants()) {
                run(v.variant(), rate).ifPresent(r -> {
                    double ratio = nettyP99 == 0 ? 0 : r.report().latency().p99() / nettyP99;
                    lines.add(verdict(ratio <= 2.0, fmt("%s p99 at 64 conns within 2× Netty's: %.2f×", v.variant(), ratio)));
                });
            }
        });
        for (TourResult.VariantRun v : result.variants()) {
            v.repeatRatio().ifPresent(ratio -> lines.add(verdict(Math.abs(ratio - 1) <= 0.10,
                    fmt("%s warm before its first scenario (a second pass of %s within 10%% of the first): %.2f×",
                            v.variant(), v.runs().getFirst().scenario().id(), ratio))));
        }
        long errors = result.variants().stream().flatMap(v -> v.runs().stream())
                .mapToLong(r -> r.report().errorCount() + r.report().connectFailures()).sum();
        lines.add(verdict(errors == 0, "zero errors everywhere: " + errors + " error(s)"));
        return lines;
    }

    private static String ratioGoal(boolean met, String format, double ratio) {
        return verdict(met, fmt(format, ratio));
    }

    private static String verdict(boolean met, String text) {
        return (met ? "met     " : "NOT MET ") + text;
    }

    Optional<TourResult.ScenarioRun> run(String variant, String scenario) {
        return result.variants().stream().filter(v -> v.variant().equals(variant))
                .flatMap(v -> v.runs().stream()).filter(r -> r.scenario().id().equals(scenario)).findFirst();
    }

    public String toTerminal() {
        StringBuilder out = new StringBuilder(table().toTerminal());
        out.append('\n');
        for (TourResult.VariantRun v : result.variants()) {
            if (!v.details().isEmpty()) {
                out.append(v.variant()).append(": ").append(v.details()).append('\n');
            }
            v.failure().ifPresent(f -> out.append(v.variant()).append(" FAILED: ").append(f).append('\n'));
            v.runs().stream().filter(r -> !r.report().clean()).forEach(r -> out.append(v.variant()).append(' ')
                    .append(r.scenario().id()).append(": first error: ").append(r.report().firstError()).append('\n'));
        }
        out.append("\nGoals (measured in this run):\n");
        goals().forEach(g -> out.append("  ").append(g).append('\n'));
        profiles(out);
        return out.toString();
    }

    private void profiles(StringBuilder out) {
        for (TourResult.VariantRun v : result.variants()) {
            v.profile().ifPresent(p -> {
                out.append("\nProfile of ").append(v.variant()).append(" (JFR, ").append(p.executionSamples())
                        .append(" CPU samples):\n  hot methods:\n");
                p.hotMethods().forEach(e -> out.append(fmt("    %5.1f%%  %s%n", e.percent(), e.frame())));
                out.append("  allocation sites (by sampled bytes):\n");
                p.allocationSites().forEach(e -> out.append(fmt("    %5.1f%%  %s%n", e.percent(), e.frame())));
                if (p.allocationSites().isEmpty()) {
                    out.append("    (none sampled: the server allocated too little for JFR to notice)\n");
                }
            });
        }
    }

    public String toMarkdown(String chartsName) {
        StringBuilder md = new StringBuilder("# lab tour — ").append(result.started()).append("\n\n");
        md.append("Machine: ").append(result.machine()).append(".  \n");
        md.append("Settings: ").append(result.settings()).append(".\n\n");
        md.append(table().toMarkdown()).append('\n');
        md.append("\"vs best\" is the message rate relative to the fastest variant in the same scenario, measured in this run. ")
                .append("Server CPU is the server process's CPU time over the run's wall time (warm-up included). ")
                .append("CPU s/M msgs is the server's CPU time (user + system, from /proc/PID/stat) per million messages echoed ")
                .append("in the measured window, the same number as µs per message; switches/msg is its threads' context switches ")
                .append("per message (/proc/PID/task/*/status; vol = voluntary, a thread going to sleep). ")
                .append("Both are the server's own counters, so they do not depend on where the client ran. ")
                .append("GC pauses are the server JVM's stop-the-world pauses during the run (warm-up included), from its GC log. ")
                .append("Where client and server ran is the placement in the settings line above.\n\n");
        md.append("## Goals\n\n");
        goals().forEach(g -> md.append("- ").append(g.trim()).append('\n'));
        md.append("\n![message rate](").append(chartsName).append("-rate.png)\n");
        md.append("![latency](").append(chartsName).append("-latency.png)\n");
        StringBuilder profiles = new StringBuilder();
        profiles(profiles);
        if (!profiles.isEmpty()) {
            md.append("\n## Profiles\n\n```").append(profiles).append("```\n");
        }
        return md.toString();
    }

    public String toJson() throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("started", result.started().toString());
        root.put("machine", result.machine());
        root.put("settings", result.settings());
        ArrayNode variants = root.putArray("variants");
        for (TourResult.VariantRun v : result.variants()) {
            ObjectNode vn = variants.addObject();
            vn.put("variant", v.variant());
            vn.put("model", v.model());
            vn.put("details", v.details());
            v.failure().ifPresent(f -> vn.put("failure", f));
            v.repeat().ifPresent(r -> {
                ObjectNode again = vn.putObject("firstScenarioRepeat");
                again.put("scenario", r.scenario().id());
                again.put("msgsPerSecond", r.report().messagesPerSecond());
                v.repeatRatio().ifPresent(ratio -> again.put("ratioToFirstPass", ratio));
            });
            ArrayNode runs = vn.putArray("scenarios");
            for (TourResult.ScenarioRun run : v.runs()) {
                LoadReport r = run.report();
                ObjectNode rn = runs.addObject();
                rn.put("scenario", run.scenario().id());
                rn.put("connections", run.scenario().connections());
                rn.put("size", run.scenario().size());
                rn.put("pipeline", run.scenario().pipeline());
                rn.put("messages", r.messages());
                rn.put("msgsPerSecond", r.messagesPerSecond());
                rn.put("mbPerSecond", r.megabytesPerSecond());
                ObjectNode lat = rn.putObject("latencyMicros");
                lat.put("p50", r.latency().p50());
                lat.put("p90", r.latency().p90());
                lat.put("p99", r.latency().p99());
                lat.put("p999", r.latency().p999());
                lat.put("max", r.latency().max());
                ObjectNode errors = rn.putObject("errors");
                for (LoadError kind : LoadError.values()) {
                    errors.put(kind.label(), r.errors().get(kind));
                }
                rn.put("connectFailures", r.connectFailures());
                run.serverCores().ifPresent(c -> rn.put("serverCores", c));
                run.serverRss().ifPresent(b -> rn.put("serverRssBytes", b));
                run.gc().ifPresent(g -> {
                    ObjectNode gc = rn.putObject("serverGcPauses");
                    gc.put("count", g.count());
                    gc.put("totalMillis", g.totalMillis());
                    gc.put("maxMillis", g.maxMillis());
                });
                run.cost().ifPresent(c -> {
                    ObjectNode cost = rn.putObject("serverCostPerMessage");
                    cost.put("messages", c.messages());
                    cost.put("cpuSecondsPerMillionMessages", c.cpuSecondsPerMillion());
                    cost.put("contextSwitchesPerMessage", c.switchesPerMessage());
                    cost.put("voluntarySwitchesPerMessage", c.voluntaryPerMessage());
                    cost.put("voluntarySwitches", c.voluntarySwitches());
                    cost.put("involuntarySwitches", c.involuntarySwitches());
                });
                double best = bestRate(run.scenario());
                rn.put("ratioToBest", ratioToBest(r.messagesPerSecond(), best));
            }
        }
        ArrayNode goals = root.putArray("goals");
        goals().forEach(goals::add);
        return mapper.writeValueAsString(root);
    }

    /** Two charts beside {@code base}: {@code -rate.png} and {@code -latency.png}. */
    public List<Path> writeCharts(Path base) throws IOException {
        List<TourScenario> scenarios = scenarios();
        List<String> categories = scenarios.stream().map(s -> s.id() + " " + s.label()).toList();
        Map<String, List<Double>> rate = new LinkedHashMap<>();
        for (TourResult.VariantRun v : result.variants()) {
            if (v.runs().isEmpty()) {
                continue;
            }
            List<Double> values = new ArrayList<>();
            for (TourScenario s : scenarios) {
                double best = bestRate(s);
                values.add(v.runs().stream().filter(r -> r.scenario().equals(s)).findFirst()
                        .map(r -> ratioToBest(r.report().messagesPerSecond(), best)).orElse(0.0));
            }
            rate.put(v.variant(), values);
        }
        Path ratePng = base.resolveSibling(base.getFileName() + "-rate.png");
        Path latencyPng = base.resolveSibling(base.getFileName() + "-latency.png");
        Charts.groupedBars(ratePng, "Message rate relative to the best variant (higher is better)", "× best",
                categories, rate);

        // Latency by percentile for the first scenario that ran (the latency scenario by default).
        TourScenario shown = scenarios.getFirst();
        Map<String, double[][]> lines = new LinkedHashMap<>();
        double[] nines = {50, 90, 99, 99.9};
        double[] x = new double[nines.length];
        for (int i = 0; i < nines.length; i++) {
            x[i] = 100.0 / (100.0 - nines[i]); // 2, 10, 100, 1000: "one in N" — the tail gets room
        }
        for (TourResult.VariantRun v : result.variants()) {
            v.runs().stream().filter(r -> r.scenario().equals(shown)).findFirst().ifPresent(r -> {
                LoadReport.Latency l = r.report().latency();
                lines.put(v.variant(), new double[][] {x, {l.p50(), l.p90(), l.p99(), l.p999()}});
            });
        }
        Charts.lines(latencyPng, "Round-trip latency, " + shown.id() + " " + shown.label()
                        + " (x: 1 in N messages is slower; 2 = p50, 10 = p90, 100 = p99, 1000 = p99.9)",
                "1 in N", "µs", true, true, lines);
        return List.of(ratePng, latencyPng);
    }

    public void writeAll(Path base) throws IOException {
        Files.writeString(base.resolveSibling(base.getFileName() + ".json"), toJson());
        writeCharts(base);
        Files.writeString(base.resolveSibling(base.getFileName() + ".md"), toMarkdown(base.getFileName().toString()));
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
