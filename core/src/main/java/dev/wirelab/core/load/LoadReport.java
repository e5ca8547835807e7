package dev.wirelab.core.load;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.HdrHistogram.Histogram;

/**
 * What one {@link LoadGenerator} run measured. Every figure the lab prints about an echo
 * server comes from one of these.
 *
 * <p>Only messages sent in the measured window (after the warm-up) count. "Bytes" are echoed
 * payload bytes in one direction, each of them verified; MB/s uses decimal megabytes
 * (10<sup>6</sup> bytes), as network figures usually do.
 *
 * @param spec            the load that was run
 * @param connected       connections that were up when the clock started
 * @param connectFailures connections that could not be opened within the connect timeout
 * @param messages        measured messages echoed back intact
 * @param duration        from the end of the warm-up to the last measured echo
 * @param latency         round-trip latency of the measured messages, in microseconds
 * @param errors          failed connections by kind (every kind present, most of them 0)
 * @param firstError      what went wrong first, for a human; empty when nothing did
 */
public record LoadReport(
        LoadSpec spec,
        int connected,
        long connectFailures,
        long messages,
        Duration duration,
        Latency latency,
        Map<LoadError, Long> errors,
        String firstError) {

    public LoadReport {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(firstError, "firstError");
        EnumMap<LoadError, Long> all = new EnumMap<>(LoadError.class);
        for (LoadError kind : LoadError.values()) {
            all.put(kind, errors.getOrDefault(kind, 0L));
        }
        errors = Collections.unmodifiableMap(all);
    }

    /**
     * Latency percentiles in microseconds. In open loop each value is measured from the time
     * the message was due (corrected for coordinated omission); in closed loop, from the time
     * it was sent, which hides the time a stalled server made the client wait.
     */
    public record Latency(long count, double mean, double p50, double p90, double p99, double p999, double max) {

        public static final Latency NONE = new Latency(0, 0, 0, 0, 0, 0, 0);

        /** Reads a histogram of nanosecond values. */
        public static Latency fromNanos(Histogram h) {
            if (h.getTotalCount() == 0) {
                return NONE;
            }
            return new Latency(h.getTotalCount(), h.getMean() / 1e3,
                    h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(90) / 1e3,
                    h.getValueAtPercentile(99) / 1e3, h.getValueAtPercentile(99.9) / 1e3, h.getMaxValue() / 1e3);
        }
    }

    /** Echoed payload bytes (one direction). */
    public long bytes() {
        return messages * spec.messageSize();
    }

    public double messagesPerSecond() {
        return perSecond(messages);
    }

    /** Echoed payload, decimal megabytes per second (one direction). */
    public double megabytesPerSecond() {
        return perSecond(bytes()) / 1e6;
    }

    private double perSecond(long count) {
        long nanos = duration.toNanos();
        return nanos == 0 ? 0 : count * 1e9 / nanos;
    }

    /** Failed connections, all kinds together. */
    public long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Every connection opened and no error of any kind. */
    public boolean clean() {
        return connectFailures == 0 && errorCount() == 0;
    }

    /** A small table for a terminal. */
    public String toText() {
        StringBuilder out = new StringBuilder();
        row(out, "target", spec.targetText());
        row(out, "load", spec.summary());
        row(out, "connected", connected + " of " + spec.connections() + " (connect failures: " + connectFailures + ")");
        row(out, "measured", String.format(Locale.ROOT, "%.3f s, %,d messages, %,d bytes, every byte verified",
                duration.toNanos() / 1e9, messages, bytes()));
        row(out, "throughput", String.format(Locale.ROOT, "%,.0f msg/s, %,.2f MB/s", messagesPerSecond(), megabytesPerSecond()));
        row(out, "latency us", String.format(Locale.ROOT, "%10s %10s %10s %10s %10s", "p50", "p90", "p99", "p99.9", "max"));
        row(out, "", String.format(Locale.ROOT, "%,10.1f %,10.1f %,10.1f %,10.1f %,10.1f",
                latency.p50(), latency.p90(), latency.p99(), latency.p999(), latency.max()));
        row(out, "", spec.openLoop() ? "(from each message's due time: corrected for coordinated omission)"
                : "(from send time; closed loop: stalls are not corrected for, use --rate for that)");
        row(out, "errors", clean() ? "none" : errorsText());
        if (!firstError.isEmpty()) {
            row(out, "first error", firstError);
        }
        return out.toString();
    }

    /** Every failure the run saw, connect failures first: the summary line must agree with the detail. */
    private String errorsText() {
        StringBuilder s = new StringBuilder(connectFailures > 0 ? "connect failures=" + connectFailures : "");
        errors.forEach((kind, count) -> {
            if (count > 0) {
                s.append(s.isEmpty() ? "" : ", ").append(kind.label()).append('=').append(count);
            }
        });
        return s.toString();
    }

    private static void row(StringBuilder out, String name, String value) {
        out.append(String.format(Locale.ROOT, "%-12s %s%n", name, value));
    }

    /** The report as one JSON object (for scripts and notebooks). */
    public String toJson() {
        StringBuilder errorsJson = new StringBuilder("{");
        errors.forEach((kind, count) ->
                errorsJson.append(errorsJson.length() > 1 ? "," : "").append(quote(kind.label())).append(':').append(count));
        errorsJson.append('}');
        return "{"
                + "\"target\":" + quote(spec.targetText())
                + ",\"spec\":{\"connections\":" + spec.connections()
                + ",\"messageSize\":" + spec.messageSize()
                + ",\"pipeline\":" + spec.pipeline()
                + ",\"durationSeconds\":" + number(spec.duration().toNanos() / 1e9)
                + ",\"messages\":" + spec.messages()
                + ",\"rate\":" + number(spec.rate())
                + ",\"warmupSeconds\":" + number(spec.warmup().toNanos() / 1e9)
                + ",\"threads\":" + spec.threads() + "}"
                + ",\"connected\":" + connected
                + ",\"connectFailures\":" + connectFailures
                + ",\"messages\":" + messages
                + ",\"bytes\":" + bytes()
                + ",\"durationSeconds\":" + number(duration.toNanos() / 1e9)
                + ",\"messagesPerSecond\":" + number(messagesPerSecond())
                + ",\"megabytesPerSecond\":" + number(megabytesPerSecond())
                + ",\"latencyMicros\":{\"count\":" + latency.count()
                + ",\"mean\":" + number(latency.mean())
                + ",\"p50\":" + number(latency.p50())
                + ",\"p90\":" + number(latency.p90())
                + ",\"p99\":" + number(latency.p99())
                + ",\"p99.9\":" + number(latency.p999())
                + ",\"max\":" + number(latency.max())
                + ",\"coordinatedOmissionCorrected\":" + spec.openLoop() + "}"
                + ",\"errors\":" + errorsJson
                + ",\"firstError\":" + quote(firstError)
                + "}";
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
