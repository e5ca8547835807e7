package dev.wirelab.labs.tour;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import dev.wirelab.core.load.LoadReport;

/**
 * Everything one tour measured: for each variant, each scenario's load report and what the
 * server process spent doing it.
 *
 * @param started   when the tour began
 * @param machine   cores, JDK and OS, as a sentence
 * @param settings  the durations and overrides the tour ran with, as a sentence
 * @param serverCpus CPUs each server could use (its placement); 0 when unknown (a remote server)
 * @param variants  one entry per server variant, in the order they ran
 */
public record TourResult(LocalDateTime started, String machine, String settings, int serverCpus, List<VariantRun> variants) {

    /**
     * One server variant through every scenario.
     *
     * @param variant  provider name ({@code nio})
     * @param model    its concurrency model
     * @param details  what the server said about itself (transport, loop threads)
     * @param runs     one per scenario; a run that could not happen carries its failure
     * @param profile  the JFR summary when the tour ran with {@code --profile}
     * @param failure  why the variant could not start, if it could not
     * @param repeat   the first scenario run again after all the others: if the server's code was still
     *                 being compiled during the first pass, the two differ
     */
    public record VariantRun(String variant, String model, String details, List<ScenarioRun> runs,
                             Optional<ProfileSummary> profile, Optional<String> failure, Optional<ScenarioRun> repeat) {

        /** The repeat's message rate over the first pass's: 1.0 when the first pass was already warm. */
        public java.util.OptionalDouble repeatRatio() {
            if (repeat.isEmpty() || runs.isEmpty() || runs.getFirst().report().messagesPerSecond() == 0) {
                return java.util.OptionalDouble.empty();
            }
            return java.util.OptionalDouble.of(repeat.get().report().messagesPerSecond() / runs.getFirst().report().messagesPerSecond());
        }
    }

    /**
     * One scenario against one variant.
     *
     * @param scenario    the load
     * @param report      what the load generator measured (the only source of figures)
     * @param serverCpu   CPU time the server process used during the measured run, if known
     * @param wall        wall-clock time of the run (warm-up included, like {@code serverCpu})
     * @param serverRss   the server's resident memory after the run, if known
     * @param cost        the server's CPU time and context switches per message over the measured window,
     *                    from its own counters in {@code /proc} (Linux, a server the tour started)
     * @param gc          the server JVM's GC pauses during the run (warm-up included), from its GC log
     */
    public record ScenarioRun(TourScenario scenario, LoadReport report, Optional<Duration> serverCpu, Duration wall,
                              OptionalLong serverRss, Optional<MessageCost> cost, Optional<GcPauses> gc) {

        /** Cores the server kept busy on average: 1.0 = one core fully used. */
        public OptionalDouble serverCores() {
            if (serverCpu.isEmpty() || wall.isZero()) {
                return OptionalDouble.empty();
            }
            return OptionalDouble.of((double) serverCpu.get().toNanos() / wall.toNanos());
        }
    }
}
