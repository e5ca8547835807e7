package dev.wirelab.labs.tour;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The tour's goals as plain functions of figures, so that a verdict can be checked with
 * numbers made by hand (see {@code TourGoalsTest}) and not only with a real run.
 *
 * <p>"Netty" in a goal is the best Netty configuration of the run: the tour may put several
 * side by side ({@code netty@transport=nio}, {@code netty@transport=epoll}), and comparing
 * against the slowest of them would flatter everyone else.
 */
public final class TourGoals {

    /** Message rate at 64 connections × 64 B, relative to Netty, that each variant should reach. */
    static final Map<String, Double> RATE_GOALS = orderedRateGoals();

    /** The selector's p99 at 64 connections should be at most this many times Netty's. */
    static final double SELECTOR_P99_WITHIN = 1.2;

    /** No variant's p99 at 64 connections should be more than this many times Netty's. */
    static final double P99_WITHIN = 2.0;

    private TourGoals() {
    }

    /** One variant's figures in the rate scenario (64 connections × 64 B). */
    public record Figures(double messagesPerSecond, double p99Micros) {
    }

    /** One goal, checked: whether it was met, and the sentence that says what was measured. */
    public record Verdict(boolean met, String text) {

        /** How the terminal and the Markdown report print it: {@code "met     ..."} or {@code "NOT MET ..."}. */
        public String line() {
            return (met ? "met     " : "NOT MET ") + text;
        }
    }

    /**
     * A figure relative to the best of its scenario: 1.0 for the best, less for the others,
     * 0 when nothing ran (the best is 0). Higher figures are better here (messages per second).
     */
    public static double ratioToBest(double value, double best) {
        return best == 0 ? 0 : value / best;
    }

    /**
     * Every goal the tour checks, in order: each rate goal whose variant ran, the selector's
     * p99 against Netty's, each variant's p99 against twice Netty's, and zero errors.
     *
     * @param rate   variant name (as run, e.g. {@code netty@transport=epoll}) to its figures in the rate scenario,
     *               in the order the variants ran
     * @param errors errors and connect failures over the whole tour
     */
    public static List<Verdict> check(Map<String, Figures> rate, long errors) {
        List<Verdict> verdicts = new ArrayList<>();
        Optional<Figures> netty = rate.entrySet().stream()
                .filter(e -> Tour.providerName(e.getKey()).equals("netty"))
                .map(Map.Entry::getValue)
                .max(java.util.Comparator.comparingDouble(Figures::messagesPerSecond));
        if (netty.isPresent()) {
            double nettyRate = netty.get().messagesPerSecond();
            double nettyP99 = netty.get().p99Micros();
            RATE_GOALS.forEach((variant, goal) -> {
                Figures f = rate.get(variant);
                if (f != null) {
                    double ratio = ratioToBest(f.messagesPerSecond(), nettyRate);
                    verdicts.add(new Verdict(ratio >= goal,
                            fmt("%s ≥ %.1f× Netty msgs/s at 64 × 64 B: %.2f×", variant, goal, ratio)));
                }
            });
            Figures selector = rate.get("nio");
            if (selector != null) {
                double ratio = nettyP99 == 0 ? 0 : selector.p99Micros() / nettyP99;
                verdicts.add(new Verdict(ratio <= SELECTOR_P99_WITHIN,
                        fmt("nio p99 ≤ %.1f× Netty's at 64 × 64 B: %.2f×", SELECTOR_P99_WITHIN, ratio)));
            }
            rate.forEach((variant, f) -> {
                // Lower is better for latency: the ratio is this variant's p99 over Netty's.
                double ratio = nettyP99 == 0 ? 0 : f.p99Micros() / nettyP99;
                verdicts.add(new Verdict(ratio <= P99_WITHIN,
                        fmt("%s p99 at 64 conns within %.0f× Netty's: %.2f×", variant, P99_WITHIN, ratio)));
            });
        }
        verdicts.add(new Verdict(errors == 0, "zero errors everywhere: " + errors + " error(s)"));
        return verdicts;
    }

    private static Map<String, Double> orderedRateGoals() {
        Map<String, Double> goals = new java.util.LinkedHashMap<>();
        goals.put("nio", 0.9);
        goals.put("virtual", 0.8);
        goals.put("akka", 0.5);
        return java.util.Collections.unmodifiableMap(goals);
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
