package exercises.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

// The tests of exercise jfr-hotspot. Do not change this file: lab check runs it as it is.
class HotFrameTest {

    private static Path recording;
    private static Map<String, Long> expected;

    /** Records the workload for three seconds with execution samples every 10 ms. */
    @BeforeAll
    static void record() throws Exception {
        recording = Files.createTempFile("wirelab-jfr-hotspot-", ".jfr");
        try (Recording r = new Recording()) {
            r.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            r.start();
            Workload.run(3000);
            r.stop();
            r.dump(recording);
        }
        expected = count(recording);
    }

    @AfterAll
    static void delete() throws Exception {
        Files.deleteIfExists(recording);
    }

    /** Your table counts every execution sample under its top frame, exactly as the test counts them. */
    @Test
    void topFramesCountsEverySample() throws Exception {
        Map<String, Long> yours = HotFrame.topFrames(recording);
        System.out.println("Your table (samples by top frame):");
        yours.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(5)
                .forEach(e -> System.out.printf("  %5d  %s%n", e.getValue(), e.getKey()));
        assertEquals(expected, yours);
    }

    /** SUSPECT names the hottest method of the recording. */
    @Test
    void suspectIsTheHottestMethod() {
        assertTrue(expected.values().stream().mapToLong(Long::longValue).sum() >= 10,
                "the recording has too few samples to judge: " + expected);
        assertEquals(HotFrame.hottest(expected), HotFrame.SUSPECT,
                "SUSPECT does not name the hottest frame of the recording; run your table and read its first line");
    }

    private static Map<String, Long> count(Path file) throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            if (e.getEventType().getName().equals("jdk.ExecutionSample") && e.getStackTrace() != null
                    && !e.getStackTrace().getFrames().isEmpty()) {
                RecordedFrame top = e.getStackTrace().getFrames().getFirst();
                counts.merge(top.getMethod().getType().getName() + "." + top.getMethod().getName(), 1L, Long::sum);
            }
        }
        return counts;
    }
}

/** The program under the profiler: three steps per round; which one takes the time? */
final class Workload {

    private Workload() {
    }

    static long run(long millis) {
        long end = System.nanoTime() + millis * 1_000_000;
        byte[] data = new byte[4096];
        new java.util.Random(9).nextBytes(data);
        long acc = 0;
        while (System.nanoTime() < end) {
            acc += decode(data);
            acc += mix(data, acc);
            acc += render(acc);
        }
        return acc;
    }

    static long decode(byte[] data) {
        long s = 0;
        for (int i = 0; i < data.length; i += 16) {
            s += data[i];
        }
        return s;
    }

    static long mix(byte[] data, long seed) {
        long h = seed;
        for (int round = 0; round < 24; round++) {
            for (byte b : data) {
                h = (h ^ b) * 0x100000001B3L;
            }
        }
        return h;
    }

    static long render(long value) {
        return Long.toHexString(value).length();
    }
}
