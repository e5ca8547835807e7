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

import dev.wirelab.labs.report.Charts;
import dev.wirelab.labs.report.ReportFiles;
import dev.wirelab.labs.report.TextTable;

/**
 * The HTTP tour's table, goals, JSON and chart. The goals are checked against this run's
 * figures only, so ratios compare variants that shared the machine at the same time.
 *
 * <ul>
 *   <li>the selector server ({@code nio}) serves at least as many requests per second as the
 *       {@code netty-http} twin, in each scenario, on one server core;</li>
 *   <li>no variant has a transport error or a bad status on the benchmark route.</li>
 * </ul>
 * (The third goal, zero bytes allocated per request on the selector path, is a test:
 * {@code SelectorEchoServerTest} over HTTP and {@code HttpRoutesTest} in core.)
 */
public final class HttpTourReport {

    static final String SELECTOR = "nio";
    static final String TWIN = "netty-http";

    private final HttpTour.Result result;

    public HttpTourReport(HttpTour.Result result) {
        this.result = result;
    }

    public String toTerminal() {
        return "HTTP tour: " + result.client() + "\n" + table().toTerminal() + "\n" + String.join("\n", goals()) + "\n";
    }

    public String toMarkdown() {
        return "# wirelab HTTP tour, " + result.started() + "\n\n"
                + "- machine: " + result.machine() + "\n- client: " + result.client() + "\n- settings: " + result.settings()
                + "\n\n" + table().toMarkdown() + "\n\n" + p99Note() + "## Goals\n\n"
                + String.join("\n", goals().stream().map(g -> "- " + g).toList()) + "\n";
    }

    TextTable table() {
        TextTable table = new TextTable("variant", "scenario", "requests/s", "vs best", "p50 µs", "p99 µs", "errors",
                "bad status", "server CPU");
        for (HttpTour.Row row : result.rows()) {
            if (row.figures().isEmpty()) {
                table.row(row.variant(), row.scenario().id(), "FAILED", "", "", "", "", "", row.failure().orElse("").lines().findFirst().orElse(""));
                continue;
            }
            WrkClient.Figures f = row.figures().get();
            double best = best(row.scenario());
            table.row(row.variant(), row.scenario().id(), String.format(Locale.ROOT, "%,.0f", f.requestsPerSecond()),
                    best > 0 ? String.format(Locale.ROOT, "%.2f", f.requestsPerSecond() / best) : "-",
                    String.format(Locale.ROOT, "%,.0f", f.p50Micros()),
                    f.p99Known() ? String.format(Locale.ROOT, "%,.0f", f.p99Micros()) : "n/a",
                    f.errors(), f.badStatus(), row.serverCores().map(c -> String.format(Locale.ROOT, "%.2f cores", c)).orElse("?"));
        }
        return table;
    }

    /** Says why a p99 cell reads n/a, when one does. */
    private String p99Note() {
        boolean missing = result.rows().stream().flatMap(r -> r.figures().stream()).anyMatch(f -> !f.p99Known());
        return missing ? "n/a: wrk reported a 99th percentile below its median (0), which cannot be right, so it is left out.\n\n" : "";
    }

    private double best(HttpTour.Scenario scenario) {
        return result.rows().stream().filter(r -> r.scenario() == scenario).flatMap(r -> r.figures().stream())
                .mapToDouble(WrkClient.Figures::requestsPerSecond).max().orElse(0);
    }

    /** One line per goal: MET, NOT MET, or why it could not be checked. */
    public List<String> goals() {
        List<String> lines = new ArrayList<>();
        for (HttpTour.Scenario scenario : HttpTour.Scenario.values()) {
            Optional<Double> nio = rate(SELECTOR, scenario);
            Optional<Double> twin = rate(TWIN, scenario);
            if (nio.isPresent() && twin.isPresent() && twin.get() > 0) {
                double ratio = nio.get() / twin.get();
                lines.add(String.format(Locale.ROOT, "goal %s: nio >= 1.0x netty-http requests/s: %.2fx -> %s",
                        scenario.id(), ratio, ratio >= 1.0 ? "MET" : "NOT MET"));
            } else {
                lines.add("goal " + scenario.id() + ": nio >= 1.0x netty-http requests/s: not checked (both must run)");
            }
        }
        long bad = result.rows().stream()
                .filter(r -> r.figures().map(f -> f.requests() == 0 || f.errors() + f.badStatus() > 0).orElse(true)).count();
        lines.add("goal: zero errors and zero bad statuses for every variant: "
                + (bad == 0 ? "MET" : "NOT MET (" + bad + " run(s) with errors, bad statuses, no requests or no figures)"));
        return lines;
    }

    private Optional<Double> rate(String variant, HttpTour.Scenario scenario) {
        return result.rows().stream().filter(r -> r.variant().equals(variant) && r.scenario() == scenario)
                .flatMap(r -> r.figures().stream()).map(WrkClient.Figures::requestsPerSecond).findFirst();
    }

    public String toJson() {
        StringBuilder json = new StringBuilder("{\n  \"started\": \"" + result.started() + "\",\n  \"machine\": \"" + result.machine()
                + "\",\n  \"client\": \"" + result.client() + "\",\n  \"settings\": \"" + result.settings() + "\",\n  \"runs\": [");
        String comma = "";
        for (HttpTour.Row row : result.rows()) {
            json.append(comma).append("\n    {\"variant\": \"").append(row.variant()).append("\", \"scenario\": \"")
                    .append(row.scenario().id()).append('"');
            row.figures().ifPresent(f -> json.append(String.format(Locale.ROOT,
                    ", \"requests\": %d, \"requests_per_second\": %.1f, \"p50_us\": %.1f, \"p99_us\": %.1f, \"max_us\": %.1f,"
                            + " \"errors\": %d, \"bad_status\": %d", f.requests(), f.requestsPerSecond(), f.p50Micros(),
                    f.p99Micros(), f.maxMicros(), f.errors(), f.badStatus())));
            row.serverCores().ifPresent(c -> json.append(String.format(Locale.ROOT, ", \"server_cores\": %.3f", c)));
            row.failure().ifPresent(why -> json.append(", \"failure\": \"").append(why.replace("\\", "\\\\").replace("\"", "'")
                    .replace("\n", " ")).append('"'));
            json.append('}');
            comma = ",";
        }
        return json.append("\n  ]\n}\n").toString();
    }

    /** Writes {@code base}.md, .json and -rate.png. */
    public void writeAll(Path base) throws IOException {
        Files.writeString(ReportFiles.withExtension(base, "md"), toMarkdown());
        Files.writeString(ReportFiles.withExtension(base, "json"), toJson());
        List<String> variants = result.rows().stream().map(HttpTour.Row::variant).distinct().toList();
        Map<String, List<Double>> series = new LinkedHashMap<>();
        for (HttpTour.Scenario scenario : HttpTour.Scenario.values()) {
            series.put(scenario.id(), variants.stream().map(v -> rate(v, scenario).orElse(0.0)).toList());
        }
        Charts.groupedBars(base.resolveSibling(base.getFileName() + "-rate.png"), "HTTP requests per second (" + result.client() + ")",
                "requests/s", variants, series);
    }
}
