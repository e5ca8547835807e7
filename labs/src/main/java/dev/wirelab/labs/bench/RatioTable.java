package dev.wirelab.labs.bench;

import java.util.Comparator;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.wirelab.labs.report.TextTable;

/**
 * The one table {@code lab bench} prints: every benchmark beside the best of its group
 * (same class, same condition such as thread count or size), as a ratio. Ratios measured in one run are what a noisy 2-core machine can
 * say honestly; the absolute scores are there for the curious.
 */
public final class RatioTable {

    private RatioTable() {
    }

    /** Rows grouped by benchmark class, in the order they came. */
    public static Map<String, List<BenchRow>> byClass(List<BenchRow> rows) {
        Map<String, List<BenchRow>> groups = new LinkedHashMap<>();
        for (BenchRow row : rows) {
            groups.computeIfAbsent(row.benchmarkClass(), k -> new java.util.ArrayList<>()).add(row);
        }
        return groups;
    }

    /** Rows grouped by what may be compared: same class and same conditions. */
    public static Map<String, List<BenchRow>> byGroup(List<BenchRow> rows) {
        Map<String, List<BenchRow>> groups = new LinkedHashMap<>();
        for (BenchRow row : rows) {
            groups.computeIfAbsent(row.group(), k -> new java.util.ArrayList<>()).add(row);
        }
        return groups;
    }

    /** Each row's score relative to the best row of its group: 1.00× is the best, lower is slower. */
    public static double ratioToBest(BenchRow row, List<BenchRow> classRows) {
        if (row.higherIsBetter()) {
            double best = classRows.stream().mapToDouble(BenchRow::score).max().orElse(row.score());
            return best == 0 ? 0 : row.score() / best;
        }
        double best = classRows.stream().mapToDouble(BenchRow::score).min().orElse(row.score());
        return row.score() == 0 ? 0 : best / row.score();
    }

    public static TextTable of(List<BenchRow> rows) {
        TextTable table = new TextTable("group", "variant", "score", "± error", "unit", "vs best", "B/op", "forks apart");
        byGroup(rows).forEach((group, classRows) -> classRows.stream()
                .sorted(Comparator.comparingDouble((BenchRow r) -> -ratioToBest(r, classRows)))
                .forEach(r -> table.row(group, r.label(), number(r.score()), Double.isNaN(r.error()) ? "-" : number(r.error()),
                        r.unit(), String.format(Locale.ROOT, "%.2f×", ratioToBest(r, classRows)),
                        r.bytesPerOp().isPresent() ? String.format(Locale.ROOT, "%.1f", r.bytesPerOp().getAsDouble()) : "-",
                        Double.isNaN(r.forkSpread()) ? "-" : String.format(Locale.ROOT, "%.2f×", r.forkSpread()))));
        return table;
    }

    /** Forks further apart than this are worth a warning: more than the noise of one machine at one speed. */
    public static final double FORKS_APART = 1.2;

    /** More rows than this with forks apart get one summary line instead of a line each. */
    static final int NOTES_PER_ROW = 3;

    /**
     * One line per row whose forks ran more than {@link #FORKS_APART} apart, or one line for
     * all of them when there are more than {@value #NOTES_PER_ROW}. Such a mean mixes two
     * speeds of the machine, and a ratio to another row measured in other forks can move by
     * as much; the fix is not in the code under test.
     */
    public static List<String> forkWarnings(List<BenchRow> rows) {
        List<BenchRow> apart = rows.stream().filter(r -> r.forkSpread() > FORKS_APART).toList();
        if (apart.size() > NOTES_PER_ROW) {
            DoubleSummaryStatistics spread = apart.stream().mapToDouble(BenchRow::forkSpread).summaryStatistics();
            return List.of(String.format(Locale.ROOT, "%d of %d rows had forks %.2f–%.2f× apart (the \"forks apart\" "
                    + "column): the machine changed speed during this run, so those means mix two speeds "
                    + "(compare rows whose forks agree, or run again)", apart.size(), rows.size(), spread.getMin(), spread.getMax()));
        }
        return apart.stream()
                .map(r -> String.format(Locale.ROOT, "%s %s: its forks ran %.2f× apart; the machine changed speed "
                        + "between them, so its mean mixes two speeds (compare rows whose forks agree, or run again)",
                        r.benchmarkClass(), r.label(), r.forkSpread()))
                .toList();
    }

    static String number(double v) {
        if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
