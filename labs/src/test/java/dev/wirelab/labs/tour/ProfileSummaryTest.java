package dev.wirelab.labs.tour;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;

import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class ProfileSummaryTest {

    @TempDir
    Path dir;

    static volatile Object sink;

    /** A method that burns CPU and allocates is found at the top of both lists. */
    @Test
    @Timeout(60)
    void findsTheHotMethodAndTheAllocationSite() throws Exception {
        Path file = dir.resolve("busy.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.enable("jdk.ObjectAllocationSample").with("throttle", "1000/s");
            recording.start();
            long until = System.nanoTime() + Duration.ofMillis(1500).toNanos();
            while (System.nanoTime() < until) {
                burnAndAllocate();
            }
            recording.stop();
            recording.dump(file);
        }
        ProfileSummary summary = ProfileSummary.read(file, 5);
        assertTrue(summary.executionSamples() > 10, "samples: " + summary.executionSamples());
        assertFalse(summary.hotMethods().isEmpty());
        assertTrue(summary.hotMethods().stream().anyMatch(e -> e.frame().endsWith("ProfileSummaryTest.burnAndAllocate")),
                summary.hotMethods().toString());
        assertTrue(summary.allocationSites().stream().anyMatch(e -> e.frame().startsWith("long[] at ")
                        && e.frame().endsWith("ProfileSummaryTest.burnAndAllocate")),
                summary.allocationSites().toString());
    }

    private static void burnAndAllocate() {
        long[] block = new long[4096];
        long x = 1;
        for (int i = 0; i < block.length; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            block[i] = x;
        }
        sink = block;
    }
}
