package dev.wirelab.labs.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import dev.wirelab.core.load.LoadReport;
import dev.wirelab.core.load.LoadSpec;
import org.junit.jupiter.api.Test;

/**
 * The goals the tour prints, from hand-made results: each goal line states the figure it was
 * judged on, and the verdict follows the threshold (a goal that printed "met" for a miss would
 * hide the very thing the tour is for).
 */
class TourGoalsTest {

    @Test
    void everyGoalStatesItsFigureAndVerdict() {
        TourResult result = result(1,
                variant("nio", 300_000, 400, 300_000),
                variant("netty", 280_000, 500, 280_000),
                variant("virtual", 200_000, 900, 150_000),
                variant("akka", 120_000, 1_200, 120_000));
        List<String> goals = new TourReport(result).goals();

        assertEquals(List.of(
                "met     selector ≥ 0.9× Netty msgs/s at 64 × 64 B: 1.07×",
                "met     selector p99 ≤ 1.2× Netty's at 64 × 64 B: 0.80×",
                "met     Netty p99 ≤ 1.5× the selector's at 64 × 64 B: 1.25×",
                "met     virtual threads ≥ 0.6× the selector's msgs/s at 64 × 64 B (one server core): 0.67×",
                "NOT MET Akka ≥ 0.5× the selector's msgs/s at 64 × 64 B (one server core): 0.40×",
                "met     nio p99 at 64 conns within 2× Netty's: 0.80×",
                "met     netty p99 at 64 conns within 2× Netty's: 1.00×",
                "met     virtual p99 at 64 conns within 2× Netty's: 1.80×",
                "NOT MET akka p99 at 64 conns within 2× Netty's: 2.40×",
                "met     nio warm before its first scenario (a second pass of rate within 10% of the first): 1.00×",
                "met     netty warm before its first scenario (a second pass of rate within 10% of the first): 1.00×",
                "NOT MET virtual warm before its first scenario (a second pass of rate within 10% of the first): 0.75×",
                "met     akka warm before its first scenario (a second pass of rate within 10% of the first): 1.00×",
                "met     zero errors everywhere: 0 error(s)"), goals);
    }

    /** With two server cores the virtual-thread goal is the stricter one. */
    @Test
    void virtualThreadGoalRisesWithTwoServerCores() {
        TourResult result = result(2, variant("nio", 300_000, 400, 300_000), variant("virtual", 200_000, 900, 200_000));
        assertEquals("NOT MET virtual threads ≥ 0.8× the selector's msgs/s at 64 × 64 B (2 server cores): 0.67×",
                new TourReport(result).goals().getFirst());
    }

    private static TourResult result(int serverCpus, TourResult.VariantRun... variants) {
        return new TourResult(LocalDateTime.of(2026, 12, 1, 0, 0), "test", "test", serverCpus, List.of(variants));
    }

    private static TourResult.VariantRun variant(String name, long msgsPerSecond, double p99, long repeatPerSecond) {
        List<TourResult.ScenarioRun> runs = new ArrayList<>();
        runs.add(run(msgsPerSecond, p99));
        return new TourResult.VariantRun(name, "model", "", runs, Optional.empty(), Optional.empty(),
                Optional.of(run(repeatPerSecond, p99)));
    }

    private static TourResult.ScenarioRun run(long messages, double p99) {
        LoadSpec spec = LoadSpec.defaults(new InetSocketAddress("127.0.0.1", 1)).withConnections(64).withMessageSize(64);
        LoadReport report = new LoadReport(spec, 64, 0, messages, Duration.ofSeconds(1),
                new LoadReport.Latency(messages, p99 / 2, p99 / 2, p99 / 1.5, p99, p99 * 2, p99 * 3), Map.of(), "");
        return new TourResult.ScenarioRun(TourScenario.RATE, report, Optional.empty(), Duration.ofSeconds(1),
                OptionalLong.empty(), Optional.empty(), Optional.empty());
    }
}
