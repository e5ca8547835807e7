package dev.wirelab.core.load;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Base64;
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
     *
     * <p>{@code histogram} keeps every recorded value (nanoseconds) in HdrHistogram's
     * compressed, Base64-encoded form, the one its own logs use. Percentiles cannot be
     * averaged — the p99 of two clients is not the mean of their p99s — but histograms add up
     * exactly, so the reports of several load generators merge into the report one generator
     * recording everything would have written ({@link LoadReport#merge}).
     */
    public record Latency(long count, double mean, double p50, double p90, double p99, double p999, double max,
                          String histogram) {

        public static final Latency NONE = new Latency(0, 0, 0, 0, 0, 0, 0);

        public Latency {
            Objects.requireNonNull(histogram, "histogram");
        }

        /** Figures without the histogram behind them (such a report cannot be merged). */
        public Latency(long count, double mean, double p50, double p90, double p99, double p999, double max) {
            this(count, mean, p50, p90, p99, p999, max, "");
        }

        /** Reads a histogram of nanosecond values, and keeps it in encoded form. */
        public static Latency fromNanos(Histogram h) {
            if (h.getTotalCount() == 0) {
                return new Latency(0, 0, 0, 0, 0, 0, 0, encode(h));
            }
            return new Latency(h.getTotalCount(), h.getMean() / 1e3,
                    h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(90) / 1e3,
                    h.getValueAtPercentile(99) / 1e3, h.getValueAtPercentile(99.9) / 1e3, h.getMaxValue() / 1e3,
                    encode(h));
        }

        /** The recorded values (nanoseconds), decoded afresh on every call. */
        public Histogram nanos() {
            if (histogram.isEmpty()) {
                throw new IllegalStateException("this report carries no histogram (made without one), so it cannot be merged");
            }
            try {
                return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(histogram)), 0);
            } catch (java.util.zip.DataFormatException | IllegalArgumentException e) {
                throw new IllegalArgumentException("the latency histogram is not HdrHistogram's compressed Base64 form: " + e.getMessage(), e);
            }
        }

        static String encode(Histogram h) {
            ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
            int length = h.encodeIntoCompressedByteBuffer(buffer);
            return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length));
        }
    }

    /**
     * One report for several load generators that ran together against one server (from
     * several hosts): counts and errors add up, latency histograms are added value by value,
     * so every percentile is the one a single generator recording all of it would report.
     * The measured time is the longest part's, so the rate is total messages over the whole
     * window in which any of them measured (the parts start together: see the tour).
     *
     * @throws IllegalArgumentException when the parts sent different message sizes or one
     *                                  carries no histogram
     */
    public static LoadReport merge(java.util.List<LoadReport> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to merge");
        }
        LoadReport first = parts.getFirst();
        Histogram all = new Histogram(3);
        int connected = 0;
        int connections = 0;
        double rate = 0;
        long failures = 0;
        long messages = 0;
        Duration longest = Duration.ZERO;
        EnumMap<LoadError, Long> errors = new EnumMap<>(LoadError.class);
        String firstError = "";
        for (LoadReport part : parts) {
            if (part.spec.messageSize() != first.spec.messageSize()) {
                throw new IllegalArgumentException("cannot merge reports with message sizes " + first.spec.messageSize()
                        + " and " + part.spec.messageSize());
            }
            all.add(part.latency.nanos());
            connected += part.connected;
            connections += part.spec.connections();
            rate += part.spec.rate();
            failures += part.connectFailures;
            messages += part.messages;
            longest = longest.compareTo(part.duration) >= 0 ? longest : part.duration;
            part.errors.forEach((kind, n) -> errors.merge(kind, n, Long::sum));
            firstError = firstError.isEmpty() ? part.firstError : firstError;
        }
        LoadSpec spec = first.spec.withConnections(connections).withRate(rate);
        return new LoadReport(spec, connected, failures, messages, longest, Latency.fromNanos(all), errors, firstError);
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
                + ",\"coordinatedOmissionCorrected\":" + spec.openLoop()
                + ",\"histogram\":" + quote(latency.histogram()) + "}"
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
