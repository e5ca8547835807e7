package dev.wirelab.labs.tour;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One load the tour puts on every server. The three defaults each isolate one property:
 *
 * <ul>
 *   <li>{@code latency}: one connection, 64 B, one message in flight — pure round-trip time,
 *       nothing queues anywhere, so the percentiles show the cost of the server's wake-up path;</li>
 *   <li>{@code rate}: 64 connections × 64 B — messages per second, where per-message overhead
 *       (system calls, wake-ups, allocation) dominates and bytes are almost free;</li>
 *   <li>{@code bandwidth}: 16 connections × 16 KiB, 4 in flight each — bytes per second, where
 *       copying and buffer sizes dominate and the count of messages hardly matters.</li>
 * </ul>
 *
 * @param id          short name used on the command line and in reports
 * @param connections connections opened
 * @param size        bytes per message
 * @param pipeline    messages in flight per connection
 */
public record TourScenario(String id, int connections, int size, int pipeline) {

    public static final TourScenario LATENCY = new TourScenario("latency", 1, 64, 1);
    public static final TourScenario RATE = new TourScenario("rate", 64, 64, 1);
    public static final TourScenario BANDWIDTH = new TourScenario("bandwidth", 16, 16 * 1024, 4);

    public static final List<TourScenario> DEFAULTS = List.of(LATENCY, RATE, BANDWIDTH);

    /** {@code 64×64B p1}: how the scenario reads in tables and charts. */
    public String label() {
        String bytes = size % 1024 == 0 ? (size / 1024) + "KiB" : size + "B";
        return connections + "×" + bytes + (pipeline > 1 ? " p" + pipeline : "");
    }

    /** The same scenario with other connections or size (command-line overrides). */
    public TourScenario with(Integer connections, Integer size) {
        return new TourScenario(id, connections == null ? this.connections : connections,
                size == null ? this.size : size, pipeline);
    }

    public static TourScenario parse(String id) {
        return DEFAULTS.stream().filter(s -> s.id.equals(id.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no scenario '" + id + "'; choose from: "
                        + DEFAULTS.stream().map(TourScenario::id).collect(Collectors.joining(", "))));
    }
}
