package dev.wirelab.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class GaugeTest {

    private final Gauge gauge = new Gauge();

    /** Closing a guard twice counts out once: the gauge cannot go below what entered. */
    @Test
    void closingAGuardTwiceCountsOutOnce() {
        Gauge.Guard a = gauge.enter();
        Gauge.Guard b = gauge.enter();
        a.close();
        a.close();
        assertTrue(a.isClosed());
        assertFalse(b.isClosed());
        assertEquals(1, gauge.get());
        b.close();
        assertEquals(0, gauge.get());
    }

    /** A guard in try-with-resources counts out when the block throws. */
    @Test
    void guardCountsOutWhenTheBlockThrows() {
        assertThrows(IllegalStateException.class, () -> {
            try (var in = gauge.enter()) {
                assertFalse(in.isClosed());
                assertEquals(1, gauge.get());
                throw new IllegalStateException("handler failed");
            }
        });
        assertEquals(0, gauge.get());
        assertEquals(1, gauge.highWaterMark());
    }

    /** Many threads racing to close the same guard count it out exactly once. */
    @Test
    void racingClosesOfOneGuardCountOutOnce() throws Exception {
        for (int round = 0; round < 200; round++) {
            Gauge g = new Gauge();
            g.enter(); // a second, unrelated entry keeps the expected value at 1, not 0
            Gauge.Guard shared = g.enter();
            Concurrently.run(4, t -> shared.close());
            assertEquals(1, g.get(), "round " + round);
        }
    }

    /** Threads entering and leaving at once leave the gauge at zero with a sane peak. */
    @Test
    void concurrentEnterAndCloseBalance() throws Exception {
        int threads = 8;
        AtomicBoolean sawNegative = new AtomicBoolean();
        Concurrently.run(threads, t -> {
            for (int i = 0; i < 50_000; i++) {
                try (var in = gauge.enter()) {
                    if (gauge.get() < 1 || in.isClosed()) {
                        sawNegative.set(true); // we are inside, so at least we are counted
                    }
                }
            }
        });
        assertEquals(0, gauge.get());
        assertFalse(sawNegative.get());
        long peak = gauge.highWaterMark();
        assertTrue(peak >= 1 && peak <= threads, "peak " + peak);
    }
}
