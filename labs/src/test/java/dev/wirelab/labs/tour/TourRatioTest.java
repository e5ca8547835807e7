package dev.wirelab.labs.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import dev.wirelab.core.load.LoadReport;
import dev.wirelab.core.load.LoadSpec;
import org.junit.jupiter.api.Test;

/** The tour's "vs best" column, from hand-made results whose ratios are known. */
class TourRatioTest {

    /** The best rate is 1.0, the others their share of it; no rate at all is 0, not NaN. */
    @Test
    void ratioToBestIsTheShareOfTheBestRate() {
        assertEquals(1.0, TourReport.ratioToBest(300_000, 300_000));
        assertEquals(0.25, TourReport.ratioToBest(75_000, 300_000));
        assertEquals(0.0, TourReport.ratioToBest(0, 0));
    }

    /** In the table, the fastest variant of the scenario reads 1.00× and one at a quarter of its rate 0.25×. */
    @Test
    void theTableShowsEachVariantAgainstTheBestOfItsScenario() {
        TourResult result = new TourResult(LocalDateTime.of(2026, 12, 1, 0, 0), "test", "test", 1,
                List.of(variant("nio", 200_000), variant("akka", 50_000)));

        List<String> rows = new TourReport(result).table().toTerminal().lines().filter(l -> l.contains("rate")).toList();

        assertEquals(2, rows.size(), rows.toString());
        assertTrue(rows.get(0).contains("nio") && rows.get(0).strip().endsWith("1.00×"), rows.get(0));
        assertTrue(rows.get(1).contains("akka") && rows.get(1).strip().endsWith("0.25×"), rows.get(1));
    }

    private static TourResult.VariantRun variant(String name, long messagesPerSecond) {
        LoadSpec spec = LoadSpec.defaults(new InetSocketAddress("127.0.0.1", 1)).withConnections(64).withMessageSize(64);
        LoadReport report = new LoadReport(spec, 64, 0, messagesPerSecond, Duration.ofSeconds(1),
                new LoadReport.Latency(messagesPerSecond, 100, 100, 150, 200, 300, 400), Map.of(), "");
        TourResult.ScenarioRun run = new TourResult.ScenarioRun(TourScenario.RATE, report, Optional.empty(),
                Duration.ofSeconds(1), OptionalLong.empty(), Optional.empty(), Optional.empty());
        return new TourResult.VariantRun(name, "model", "", List.of(run), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
