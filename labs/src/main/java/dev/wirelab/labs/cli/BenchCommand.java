package dev.wirelab.labs.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import dev.wirelab.labs.bench.BenchRow;
import dev.wirelab.labs.bench.BenchRunner;
import dev.wirelab.labs.bench.BenchSuite;
import dev.wirelab.labs.bench.RatioTable;
import dev.wirelab.labs.report.Charts;
import dev.wirelab.labs.report.ReportFiles;
import dev.wirelab.labs.report.TextTable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lab bench [suite] [--quick] [--forks N]}: run JMH benchmarks, print ratios, write JSON, Markdown and PNG. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Run a JMH benchmark suite and print each variant's ratio to the best.",
            "Suites: parsing, metrics, pools, sched, simd, echo (none given: list them).",
            "Writes reports/bench-<suite>-<time>.json (JMH's own format), .md and .png."})
public final class BenchCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SUITE", description = "which suite to run")
    String suite;

    @Option(names = "--quick", description = "short forks and iterations (for notebooks and CI): ratios keep their sign, digits are rough")
    boolean quick;

    @Option(names = "--filter", paramLabel = "REGEX", description = "only benchmarks whose Class.method matches, e.g. CounterBenchmark.increment")
    String filter;

    @Option(names = "--forks", paramLabel = "N", description = "fresh JVMs per benchmark, 1 to 10 (default: the benchmark's own, 1); "
            + "with 2 or more the table shows how far apart they ran")
    Integer forks;

    @Option(names = "--out", paramLabel = "DIR", description = "report folder (default: reports/ under the project)")
    Path out;

    static final int MAX_FORKS = 10;

    @Override
    public Integer call() throws Exception {
        PrintWriter pw = spec.commandLine().getOut();
        if (suite == null) {
            for (BenchSuite s : BenchSuite.values()) {
                pw.printf("%-8s %s%n", s.id(), s.description());
            }
            return 0;
        }
        BenchSuite chosen;
        try {
            chosen = BenchSuite.parse(suite);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (forks != null && (forks < 1 || forks > MAX_FORKS)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--forks must be 1 to " + MAX_FORKS + ", got " + forks);
        }
        ReportFiles files = ReportFiles.orDefault(out);
        Path base = files.reserve("bench-" + chosen.id(), LocalDateTime.now(), "json", "md", "png");
        Path json = ReportFiles.withExtension(base, "json");

        pw.printf("lab bench %s%s: %s%n", chosen.id(), quick ? " (quick)" : "", chosen.description());
        pw.flush();
        boolean interactive = System.console() != null;
        List<BenchRow> rows = new BenchRunner(System.err, interactive)
                .run(chosen, new BenchRunner.Settings(quick, filter, json, forks == null ? 0 : forks));

        TextTable table = RatioTable.of(rows);
        List<String> notes = RatioTable.forkWarnings(rows);
        pw.println();
        pw.print(table.toTerminal());
        notes.forEach(n -> pw.println("note: " + n));
        Path md = ReportFiles.withExtension(base, "md");
        java.nio.file.Files.writeString(md, markdown(chosen, table, notes));
        List<Path> charts = charts(base, rows);
        pw.printf("%nwrote %s, %s%s%n", json, md,
                charts.stream().map(p -> ", " + p).collect(Collectors.joining()));
        return 0;
    }

    private String markdown(BenchSuite chosen, TextTable table, List<String> notes) {
        return "# lab bench " + chosen.id() + (quick ? " (quick)" : "") + "\n\n"
                + "Machine: " + Runtime.getRuntime().availableProcessors() + " cores, JDK " + Runtime.version()
                + ", " + LocalDateTime.now().withNano(0) + ".\n"
                + "Ratios compare rows of one class measured in this run; \"vs best\" 1.00× is the fastest; "
                + "\"forks apart\" is the best fork's score over the worst one's.\n\n"
                + table.toMarkdown()
                + notes.stream().map(n -> "\n- " + n).collect(Collectors.joining());
    }

    /** One PNG per benchmark class: each variant's ratio to the best of its group. */
    private static List<Path> charts(Path base, List<BenchRow> rows) throws java.io.IOException {
        List<Path> written = new ArrayList<>();
        Map<String, List<BenchRow>> groups = RatioTable.byGroup(rows);
        for (Map.Entry<String, List<BenchRow>> e : RatioTable.byClass(rows).entrySet()) {
            Path png = base.resolveSibling(base.getFileName() + "-" + e.getKey() + ".png");
            List<String> labels = e.getValue().stream().map(BenchRow::label).toList();
            List<Double> ratios = e.getValue().stream().map(r -> RatioTable.ratioToBest(r, groups.get(r.group()))).toList();
            Charts.groupedBars(png, e.getKey() + ": relative to the best (higher is better)", "× best",
                    labels, Map.of("ratio", ratios));
            written.add(png);
        }
        return written;
    }

}
