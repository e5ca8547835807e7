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

    /** The best message rate any variant reached in this scenario. */
    double bestRate(TourScenario scenario) {
        return result.variants().stream().flatMap(v -> v.runs().stream())
                .filter(r -> r.scenario().equals(scenario))
                .mapToDouble(r -> r.report().messagesPerSecond()).max().orElse(0);
    }

    public TextTable table() {
        TextTable table = new TextTable("scenario", "variant", "msgs/s", "MB/s", "p50 µs", "p99 µs", "p99.9 µs",
                "errors", "server CPU", "server RSS", "vs best");
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
                    best == 0 ? "-" : fmt("%.2f×", r.messagesPerSecond() / best));
        }
        return table;
    }

    private static String cores(OptionalDouble cores) {
        return cores.isPresent() ? fmt("%.2f cores", cores.getAsDouble()) : "-";
    }

    /**
     * The tour's goals, each checked against this run's figures by {@link TourGoals}; a goal
     * whose variants did not run is left out.
     */
    public List<String> goals() {
        Map<String, TourGoals.Figures> rate = new LinkedHashMap<>();
        for (TourResult.VariantRun v : result.variants()) {
            run(v.variant(), TourScenario.RATE.id()).ifPresent(r -> rate.put(v.variant(),
                    new TourGoals.Figures(r.report().messagesPerSecond(), r.report().latency().p99())));
        }
        long errors = result.variants().stream().flatMap(v -> v.runs().stream())
                .mapToLong(r -> r.report().errorCount() + r.report().connectFailures()).sum();
        return TourGoals.check(rate, errors).stream().map(TourGoals.Verdict::line).toList();
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
        out.append("\nGoals (checked against this run's figures):\n");
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
                double best = bestRate(run.scenario());
                rn.put("ratioToBest", best == 0 ? 0 : r.messagesPerSecond() / best);
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
                        .map(r -> best == 0 ? 0.0 : r.report().messagesPerSecond() / best).orElse(0.0));
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
