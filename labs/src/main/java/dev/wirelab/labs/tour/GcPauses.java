package dev.wirelab.labs.tour;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server JVM's garbage-collection pauses during a run, read from its unified GC log
 * ({@code -Xlog:gc}, which the tour turns on for every server it starts): one line per pause,
 * ending in the pause's length.
 *
 * <pre>
 *   [12.345s][info][gc] GC(3) Pause Young (Normal) (G1 Evacuation Pause) 52M->4M(256M) 1.234ms
 * </pre>
 *
 * <p>Why the tour reads it: a pause stops every server thread, so each one is a burst of late
 * echoes — a tail in the latency percentiles that no change to the I/O path can remove.
 *
 * @param count      pauses in the run
 * @param totalMillis their summed length
 * @param maxMillis  the longest one
 */
public record GcPauses(int count, double totalMillis, double maxMillis) {

    /** The JVM flag that makes a server print one line per pause to its standard output. */
    static final String LOG_FLAG = "-Xlog:gc:stdout";

    private static final Pattern PAUSE = Pattern.compile("\\[gc\\s*\\].*\\bPause\\b.*?(\\d+(?:\\.\\d+)?)ms\\s*$");

    /** Every pause among {@code lines} (other output is ignored); empty when there is no GC log at all. */
    static GcPauses from(List<String> lines) {
        int count = 0;
        double total = 0;
        double max = 0;
        for (String line : lines) {
            Optional<Double> millis = pauseMillis(line);
            if (millis.isPresent()) {
                count++;
                total += millis.get();
                max = Math.max(max, millis.get());
            }
        }
        return new GcPauses(count, total, max);
    }

    /** The pause length a GC log line reports, if it is a pause line. */
    static Optional<Double> pauseMillis(String line) {
        Matcher m = PAUSE.matcher(line);
        return m.find() ? Optional.of(Double.parseDouble(m.group(1))) : Optional.empty();
    }
}
