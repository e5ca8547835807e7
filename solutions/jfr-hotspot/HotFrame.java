package exercises.jfr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/* Reference solution for jfr-hotspot: count top frames of execution samples; the workload's hot method is mix. */
public final class HotFrame {

    public static final String SUSPECT = "exercises.jfr.Workload.mix";

    private HotFrame() {
    }

    /** For each method, how many jdk.ExecutionSample events had it as their top frame. */
    public static Map<String, Long> topFrames(Path recording) throws IOException {
        Map<String, Long> counts = new TreeMap<>();
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (isSample(event) && event.getStackTrace() != null && !event.getStackTrace().getFrames().isEmpty()) {
                    counts.merge(name(event.getStackTrace().getFrames().get(0)), 1L, Long::sum);
                }
            }
        }
        return counts;
    }

    /** The method with the most samples. */
    public static String hottest(Map<String, Long> counts) {
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("(no samples)");
    }

    /** {@code exercises.jfr.Workload.mix}: the frame's class and method. */
    static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    /** Here so the imports are ready; the events you read are RecordedEvent. */
    static boolean isSample(RecordedEvent event) {
        return event.getEventType().getName().equals("jdk.ExecutionSample");
    }
}
