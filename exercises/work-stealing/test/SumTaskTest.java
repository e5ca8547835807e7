package exercises.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

// The tests of exercise work-stealing. Do not change this file: lab check runs it as it is.
class SumTaskTest {

    private final ForkJoinPool pool = new ForkJoinPool(2);
    private final LongAdder leaves = new LongAdder();
    private final LongAccumulator largest = new LongAccumulator(Math::max, 0);

    @AfterEach
    void shutDown() {
        pool.shutdownNow();
    }

    private long sum(long[] data, int threshold) {
        return pool.invoke(new SumTask(data, 0, data.length, threshold, leaves, largest));
    }

    /** The sum is right for big and small inputs, odd lengths and the empty array. */
    @Test
    void sumsCorrectly() {
        Random random = new Random(1);
        for (int n : new int[] {0, 1, 7, 1000, 12_345, 1_000_003}) {
            long[] data = random.longs(n, -1_000_000, 1_000_000).toArray();
            assertEquals(LongStream.of(data).sum(), sum(data, 1000), "n = " + n);
        }
    }

    /** A big range is split until the pieces are at most the threshold, and not much further. */
    @Test
    void splitsDownToTheThreshold() {
        long[] data = new long[1 << 20];
        java.util.Arrays.fill(data, 1);
        assertEquals(1 << 20, sum(data, 10_000));
        assertTrue(largest.get() <= 10_000, "a leaf summed " + largest.get() + " elements; the threshold is 10,000");
        assertTrue(largest.get() > 2_500, "leaves of " + largest.get() + " elements: split far below the threshold");
        long n = leaves.sum();
        assertTrue(n >= (1 << 20) / 10_000 && n <= 4L * (1 << 20) / 10_000,
                n + " leaves for 2^20 elements at threshold 10,000: expected about 128");
    }

    /** A range at or below the threshold is summed directly: one leaf, no splitting. */
    @Test
    void smallRangesAreNotSplit() {
        long[] data = new long[500];
        java.util.Arrays.fill(data, 2);
        assertEquals(1000, sum(data, 500));
        assertEquals(1, leaves.sum());
    }
}
