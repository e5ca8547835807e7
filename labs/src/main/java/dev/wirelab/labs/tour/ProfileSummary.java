package dev.wirelab.labs.tour;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads a JDK Flight Recorder file and answers the two questions a profile is for:
 * where does the CPU go (hot methods, from {@code jdk.ExecutionSample}) and who allocates
 * (allocation sites, from {@code jdk.ObjectAllocationSample}, weighted by bytes).
 *
 * <p>This is the Java counterpart of {@code perf record} + {@code perf report}: JFR
 * samples Java stacks at safepoint-free points, costs about a percent, and needs no
 * hardware counters (which this lab's VMs do not have).
 */
public record ProfileSummary(long executionSamples, List<Entry> hotMethods, long allocatedBytes, List<Entry> allocationSites) {

    /** A method (or allocation site) and its share. */
    public record Entry(String frame, long weight, double percent) {
    }

    public static ProfileSummary read(Path jfr, int top) throws IOException {
        return read(jfr, top, java.time.Instant.MIN);
    }

    /**
     * Only events from {@code since} on: the tour passes the moment its load started, so the
     * JVM's start-up (class loading, the command line) does not crowd out the server's work.
     */
    public static ProfileSummary read(Path jfr, int top, java.time.Instant since) throws IOException {
        Map<String, Long> hot = new HashMap<>();
        Map<String, Long> alloc = new HashMap<>();
        long samples = 0;
        long bytes = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(jfr)) {
            if (event.getStartTime().isBefore(since)) {
                continue;
            }
            switch (event.getEventType().getName()) {
                case "jdk.ExecutionSample" -> {
                    samples++;
                    hot.merge(topFrame(event.getStackTrace()), 1L, Long::sum);
                }
                case "jdk.ObjectAllocationSample" -> {
                    long weight = event.getLong("weight");
                    bytes += weight;
                    String type = readableType(event.getClass("objectClass").getName());
                    alloc.merge(type + " at " + topFrame(event.getStackTrace()), weight, Long::sum);
                }
                default -> {
                    // other events are not part of this summary
                }
            }
        }
        return new ProfileSummary(samples, ranked(hot, samples, top), bytes, ranked(alloc, bytes, top));
    }

    /** JFR names arrays by descriptor ({@code [J}, {@code [Ljava.lang.String;}); show them as Java does. */
    static String readableType(String name) {
        int dims = 0;
        while (dims < name.length() && name.charAt(dims) == '[') {
            dims++;
        }
        if (dims == 0) {
            return name;
        }
        String element = switch (name.charAt(dims)) {
            case 'Z' -> "boolean";
            case 'B' -> "byte";
            case 'C' -> "char";
            case 'S' -> "short";
            case 'I' -> "int";
            case 'J' -> "long";
            case 'F' -> "float";
            case 'D' -> "double";
            case 'L' -> name.substring(dims + 1, name.length() - 1);
            default -> name.substring(dims);
        };
        return element + "[]".repeat(dims);
    }

    private static String topFrame(RecordedStackTrace stack) {
        if (stack == null || stack.getFrames().isEmpty()) {
            return "(no stack)";
        }
        RecordedFrame f = stack.getFrames().getFirst();
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    private static List<Entry> ranked(Map<String, Long> counts, long total, int top) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .limit(top)
                .map(e -> new Entry(e.getKey(), e.getValue(), total == 0 ? 0 : 100.0 * e.getValue() / total))
                .toList();
    }
}
