package dev.wirelab.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class HighWaterMarkTest {

    /** Only a larger value moves the mark, and observe says whether it did. */
    @Test
    void onlyALargerValueRaisesTheMark() {
        HighWaterMark mark = new HighWaterMark();
        assertTrue(mark.observe(5));
        assertFalse(mark.observe(3));
        assertFalse(mark.observe(5));
        assertTrue(mark.observe(9));
        assertEquals(9, mark.get());
    }

    /** Racing observers end with the largest value any of them offered, never a smaller one. */
    @Test
    void racingObserversKeepTheGlobalMaximum() throws Exception {
        HighWaterMark mark = new HighWaterMark(-1);
        int threads = 8;
        int perThread = 100_000;
        Concurrently.run(threads, t -> {
            // Interleaved values, so every thread keeps offering new peaks and CASes collide.
            for (int i = 0; i < perThread; i++) {
                mark.observe((long) i * threads + t);
            }
        });
        assertEquals((long) (perThread - 1) * threads + (threads - 1), mark.get());
    }
}
