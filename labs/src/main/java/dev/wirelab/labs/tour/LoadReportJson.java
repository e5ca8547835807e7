package dev.wirelab.labs.tour;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wirelab.core.load.LoadError;
import dev.wirelab.core.load.LoadReport;
import dev.wirelab.core.load.LoadSpec;

/**
 * Reads back the report {@code lab load --json} printed on another host: the whole interface
 * between the tour and its client hosts is this one JSON object (no agent, no protocol of our
 * own). The latency figures are re-derived from the encoded histogram, so what the tour shows
 * is what the histogram holds.
 */
public final class LoadReportJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LoadReportJson() {
    }

    /** @throws IllegalArgumentException when the text is not a {@code lab load --json} report */
    public static LoadReport parse(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not a JSON report: " + e.getMessage(), e);
        }
        if (root == null || !root.has("spec") || !root.has("latencyMicros")) {
            throw new IllegalArgumentException("not a lab load --json report: " + abbreviate(text));
        }
        JsonNode s = root.get("spec");
        LoadSpec spec = LoadSpec.defaults(target(root.path("target").asText()))
                .withConnections(s.path("connections").asInt())
                .withMessageSize(s.path("messageSize").asInt())
                .withPipeline(s.path("pipeline").asInt())
                .withDuration(seconds(s.path("durationSeconds").asDouble()))
                .withMessages(s.path("messages").asLong())
                .withRate(s.path("rate").asDouble())
                .withWarmup(seconds(s.path("warmupSeconds").asDouble()))
                .withThreads(s.path("threads").asInt());
        String histogram = root.get("latencyMicros").path("histogram").asText("");
        LoadReport.Latency latency = histogram.isEmpty() ? LoadReport.Latency.NONE
                : LoadReport.Latency.fromNanos(new LoadReport.Latency(0, 0, 0, 0, 0, 0, 0, histogram).nanos());
        Map<LoadError, Long> errors = new EnumMap<>(LoadError.class);
        for (LoadError kind : LoadError.values()) {
            errors.put(kind, root.path("errors").path(kind.label()).asLong(0));
        }
        return new LoadReport(spec, root.path("connected").asInt(), root.path("connectFailures").asLong(),
                root.path("messages").asLong(), seconds(root.path("durationSeconds").asDouble()), latency, errors,
                root.path("firstError").asText(""));
    }

    private static InetSocketAddress target(String text) {
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("report target '" + text + "' is not HOST:PORT");
        }
        String host = text.substring(0, colon).replace("[", "").replace("]", "");
        return InetSocketAddress.createUnresolved(host, Integer.parseInt(text.substring(colon + 1)));
    }

    private static Duration seconds(double value) {
        return Duration.ofNanos(Math.round(value * 1e9));
    }

    private static String abbreviate(String text) {
        String line = text.strip().lines().findFirst().orElse("(empty)");
        return line.length() > 120 ? line.substring(0, 120) + "..." : line;
    }
}
