package dev.wirelab.labs.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

/** Ratios to the best of a group, on scores made by hand. */
class RatioTableTest {

    private static BenchRow row(String label, double score, boolean higherIsBetter) {
        return new BenchRow("XBenchmark", "XBenchmark", label, score, Double.NaN,
                higherIsBetter ? "ops/us" : "ns/op", higherIsBetter, OptionalDouble.empty());
    }

    /** Throughput: the highest score is 1.00×, half of it is 0.50×. */
    @Test
    void throughputIsDividedByTheHighestScore() {
        BenchRow fast = row("fast", 400, true);
        BenchRow slow = row("slow", 100, true);
        List<BenchRow> group = List.of(slow, fast);

        assertEquals(1.0, RatioTable.ratioToBest(fast, group));
        assertEquals(0.25, RatioTable.ratioToBest(slow, group));
    }

    /**
     * Time per operation: lower is better, so the ratio is inverted — the lowest time is 1.00×
     * and a row taking four times as long is 0.25×, the same "fraction of the best" as for throughput.
     */
    @Test
    void timePerOperationIsInvertedSoTheFastestIsStillOne() {
        BenchRow fast = row("fast", 20, false);
        BenchRow slow = row("slow", 80, false);
        List<BenchRow> group = List.of(slow, fast);

        assertEquals(1.0, RatioTable.ratioToBest(fast, group));
        assertEquals(0.25, RatioTable.ratioToBest(slow, group));
    }

    /** A zero score is 0×, never infinity or NaN. */
    @Test
    void aZeroScoreIsZeroNotInfinity() {
        assertEquals(0.0, RatioTable.ratioToBest(row("none", 0, false), List.of(row("none", 0, false), row("t", 5, false))));
        assertEquals(0.0, RatioTable.ratioToBest(row("none", 0, true), List.of(row("none", 0, true))));
    }

    /** The printed table sorts each group best first and prints the ratio. */
    @Test
    void theTableListsTheBestFirstWithItsRatio() {
        String text = RatioTable.of(List.of(row("slow", 80, false), row("fast", 20, false))).toTerminal();
        int fast = text.indexOf("fast");
        int slow = text.indexOf("slow");
        assertEquals(true, fast > 0 && fast < slow, text);
        assertEquals(true, text.contains("1.00×") && text.contains("0.25×"), text);
    }
}
