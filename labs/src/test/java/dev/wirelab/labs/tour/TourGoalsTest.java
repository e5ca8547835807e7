package dev.wirelab.labs.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The tour's verdicts on figures made by hand, whose right answers are known. */
class TourGoalsTest {

    /** The best variant is 1.0, the others their share of it; nothing measured gives 0, not NaN. */
    @Test
    void ratioToBestIsTheShareOfTheBestRate() {
        assertEquals(1.0, TourGoals.ratioToBest(300_000, 300_000));
        assertEquals(0.25, TourGoals.ratioToBest(75_000, 300_000));
        assertEquals(0.0, TourGoals.ratioToBest(0, 0));
    }

    /**
     * nio at 0.95× Netty meets its 0.9× goal, virtual at 0.5× misses its 0.8×, akka at exactly
     * 0.5× meets its 0.5×; nio's p99 at 1.1× Netty's meets its 1.2× bound; virtual's p99 at 3×
     * Netty's misses the 2× bound. Netty is its best
     * transport (epoll here), not the first or the slowest one.
     */
    @Test
    void checksEachGoalAgainstTheBestNettyConfiguration() {
        Map<String, TourGoals.Figures> rate = new LinkedHashMap<>();
        rate.put("netty@transport=nio", new TourGoals.Figures(100_000, 400));
        rate.put("netty@transport=epoll", new TourGoals.Figures(200_000, 200));
        rate.put("nio", new TourGoals.Figures(190_000, 220));
        rate.put("virtual", new TourGoals.Figures(100_000, 600));
        rate.put("akka", new TourGoals.Figures(100_000, 400));

        List<String> lines = TourGoals.check(rate, 0).stream().map(TourGoals.Verdict::line).toList();

        assertEquals(List.of(
                "met     nio ≥ 0.9× Netty msgs/s at 64 × 64 B: 0.95×",
                "NOT MET virtual ≥ 0.8× Netty msgs/s at 64 × 64 B: 0.50×",
                "met     akka ≥ 0.5× Netty msgs/s at 64 × 64 B: 0.50×",
                "met     nio p99 ≤ 1.2× Netty's at 64 × 64 B: 1.10×",
                "met     netty@transport=nio p99 at 64 conns within 2× Netty's: 2.00×",
                "met     netty@transport=epoll p99 at 64 conns within 2× Netty's: 1.00×",
                "met     nio p99 at 64 conns within 2× Netty's: 1.10×",
                "NOT MET virtual p99 at 64 conns within 2× Netty's: 3.00×",
                "met     akka p99 at 64 conns within 2× Netty's: 2.00×",
                "met     zero errors everywhere: 0 error(s)"), lines);
    }

    /** Without Netty in the run there is nothing to compare against: only the error goal is checked. */
    @Test
    void withoutNettyOnlyTheErrorGoalIsChecked() {
        Map<String, TourGoals.Figures> rate = Map.of("nio", new TourGoals.Figures(1, 1));

        List<TourGoals.Verdict> verdicts = TourGoals.check(rate, 3);

        assertEquals(List.of(new TourGoals.Verdict(false, "zero errors everywhere: 3 error(s)")), verdicts);
    }

    /** A goal whose variant did not run is left out, not counted as missed. */
    @Test
    void leavesOutGoalsWhoseVariantDidNotRun() {
        Map<String, TourGoals.Figures> rate = new LinkedHashMap<>();
        rate.put("netty", new TourGoals.Figures(100, 10));
        rate.put("nio", new TourGoals.Figures(80, 30));

        List<String> lines = TourGoals.check(rate, 0).stream().map(TourGoals.Verdict::line).toList();

        assertEquals(List.of(
                "NOT MET nio ≥ 0.9× Netty msgs/s at 64 × 64 B: 0.80×",
                "NOT MET nio p99 ≤ 1.2× Netty's at 64 × 64 B: 3.00×",
                "met     netty p99 at 64 conns within 2× Netty's: 1.00×",
                "NOT MET nio p99 at 64 conns within 2× Netty's: 3.00×",
                "met     zero errors everywhere: 0 error(s)"), lines);
    }
}
