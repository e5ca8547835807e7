package dev.wirelab.core.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class LoadSpecTest {

    private final LoadSpec defaults = LoadSpec.defaults(new InetSocketAddress("127.0.0.1", 7));

    @Test
    void defaultsAreAShortClosedLoopRun() {
        assertFalse(defaults.openLoop());
        assertEquals(LoadSpec.DEFAULT_CONNECTIONS, defaults.connections());
        assertEquals("4 conns x 64 B, pipeline 1, closed loop, 10 s (+2 s warm-up), 1 client thread", defaults.summary());
        assertEquals("127.0.0.1:7", defaults.targetText());
    }

    /** A rate turns the run into open loop, and the summary says so. */
    @Test
    void aRateMeansOpenLoop() {
        LoadSpec open = defaults.withRate(5_000).withMessages(100);
        assertTrue(open.openLoop());
        assertTrue(open.summary().contains("open loop at 5,000 msg/s, 100 msgs or 10 s"), open.summary());
    }

    /** Every bad value is refused with a message naming the field and the value. */
    @Test
    void rejectsBadValuesWithAClearMessage() {
        assertMessage("connections must be 1..100000, was 0", () -> defaults.withConnections(0));
        assertMessage("message size must be 1 B..16 MiB, was 0", () -> defaults.withMessageSize(0));
        assertMessage("pipeline must be 1..10000 messages in flight, was 0", () -> defaults.withPipeline(0));
        assertMessage("rate must be 0 (closed loop) or a positive messages/s, was -1.0", () -> defaults.withRate(-1));
        assertMessage("messages must be 0 (no limit) or more, was -5", () -> defaults.withMessages(-5));
        assertMessage("threads must be 1..64, was 0", () -> defaults.withThreads(0));
        assertThrows(IllegalArgumentException.class, () -> defaults.withDuration(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> defaults.withDuration(Duration.ofHours(2)));
    }

    private static void assertMessage(String expected, Runnable build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build::run);
        assertEquals(expected, e.getMessage());
    }
}
