package dev.wirelab.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class CounterTest {

    /** Concurrent adds are never lost: the sum is exact once the writers are done. */
    @Test
    void concurrentIncrementsSumExactly() throws Exception {
        Counter counter = new Counter();
        Concurrently.run(8, t -> {
            for (int i = 0; i < 100_000; i++) {
                counter.increment();
                counter.add(2);
            }
        });
        assertEquals(8 * 100_000 * 3L, counter.get());
    }

    /** A counter only goes up; a negative delta is a caller bug, not a decrement. */
    @Test
    void rejectsNegativeDelta() {
        Counter counter = new Counter();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> counter.add(-1));
        assertEquals("a counter only goes up; delta was -1", e.getMessage());
        assertEquals(0, counter.get());
    }
}
