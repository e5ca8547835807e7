package dev.wirelab.labs.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

/**
 * Forks that disagree: how far apart a benchmark's forks ran, and the note {@code lab bench}
 * prints when a mean mixes two speeds of the machine. The figures are the shape of a real
 * run on a shared two-vCPU machine: two forks near 6.3 M ops/s, one at 4.5 M.
 */
class ForkSpreadTest {

    private static BenchRow row(String label, double forkSpread) {
        return new BenchRow("HttpParserBenchmark", "HttpParserBenchmark request=BROWSER_GET", label, 5_700_000, 900_000,
                "ops/s", true, OptionalDouble.empty(), forkSpread);
    }

    @Test
    void theSpreadIsTheBestForkOverTheWorstInEitherDirection() {
        assertEquals(6.4 / 4.5, BenchRunner.forkSpread(List.of(6.3, 6.4, 4.5)), 1e-12);
        assertEquals(6.4 / 4.5, BenchRunner.forkSpread(List.of(4.5, 6.4)), 1e-12, "order does not matter");
        assertEquals(1.0, BenchRunner.forkSpread(List.of(2.0, 2.0, 2.0)));
    }

    @Test
    void oneForkOrAZeroScoreHasNoSpread() {
        assertTrue(Double.isNaN(BenchRunner.forkSpread(List.of(6.3))));
        assertTrue(Double.isNaN(BenchRunner.forkSpread(List.of())));
        assertTrue(Double.isNaN(BenchRunner.forkSpread(List.of(0.0, 3.0))), "no ratio to a zero score");
    }

    @Test
    void warnsOnlyAboutRowsWhoseForksRanMoreThanOneFifthApart() {
        List<String> notes = RatioTable.forkWarnings(List.of(
                row("parse kind=WIRELAB_OFFSETS", 6.4 / 4.5),
                row("parse kind=WIRELAB_SCALAR", 1.04),
                row("parse kind=NETTY", Double.NaN),
                row("parse kind=AT_THE_LINE", RatioTable.FORKS_APART)));

        assertEquals(1, notes.size(), notes::toString);
        assertTrue(notes.getFirst().startsWith("HttpParserBenchmark parse kind=WIRELAB_OFFSETS: its forks ran 1.42× apart"),
                notes.getFirst());
    }

    @Test
    void manyRowsWithForksApartGetOneSummaryLine() {
        List<String> notes = RatioTable.forkWarnings(List.of(
                row("a", 1.5), row("b", 1.21), row("c", 1.95), row("d", 1.3), row("e", 1.05)));

        assertEquals(List.of("4 of 5 rows had forks 1.21–1.95× apart (the \"forks apart\" column): the machine changed "
                + "speed during this run, so those means mix two speeds (compare rows whose forks agree, or run again)"), notes);
    }

    @Test
    void theTableShowsHowFarApartEachRowsForksRan() {
        String text = RatioTable.of(List.of(row("parse kind=WIRELAB_OFFSETS", 6.4 / 4.5),
                row("parse kind=NETTY", Double.NaN))).toTerminal();

        assertTrue(text.contains("forks apart"), text);
        assertTrue(text.contains("1.42×"), text);
    }
}
