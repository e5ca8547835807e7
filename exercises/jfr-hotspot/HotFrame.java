package exercises.jfr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/*
 * Exercise jfr-hotspot: find the hot method in a flight recording, and name it.
 *
 * JDK Flight Recorder samples the stack of every running Java thread about every 10-20 ms
 * and stores each sample as a jdk.ExecutionSample event. The method at the TOP of a
 * sample's stack was running at that moment; count the top frames over all samples and the
 * method with the most is where the CPU time went. That is what a profiler's "hot methods"
 * view does, and the JDK gives you the file format as an API: jdk.jfr.consumer.
 *
 * The test records a workload (test/HotFrameTest.java, class Workload) with JFR, then:
 *   1. calls your topFrames() on the recording and compares it with its own count,
 *   2. prints your table (lab check shows it under the test), and
 *   3. checks that SUSPECT names the method your table puts first.
 * So: write topFrames, run lab check, read your table, and fill in SUSPECT.
 *
 * Frame names are "fully.qualified.ClassName.methodName", e.g. "java.lang.String.hashCode".
 */
public final class HotFrame {

    // TODO: after your table works, name the hottest method here, e.g. "exercises.jfr.Workload.someMethod".
    public static final String SUSPECT = "TODO";

    private HotFrame() {
    }

    /** For each method, how many jdk.ExecutionSample events had it as their top frame. */
    public static Map<String, Long> topFrames(Path recording) throws IOException {
        Map<String, Long> counts = new TreeMap<>();
        // TODO: open the file with RecordingFile, read every event; for each named "jdk.ExecutionSample"
        //       take getStackTrace().getFrames().get(0) and count name(frame).
        throw new UnsupportedOperationException("jfr-hotspot: topFrames is not written yet (run: lab hint jfr-hotspot)");
    }

    /** The method with the most samples. */
    public static String hottest(Map<String, Long> counts) {
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("(no samples)");
    }

    /** {@code exercises.jfr.Workload.mix}: the frame's class and method. */
    static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    /** Whether {@code event} is an execution sample. */
    static boolean isSample(RecordedEvent event) {
        return event.getEventType().getName().equals("jdk.ExecutionSample");
    }
}
