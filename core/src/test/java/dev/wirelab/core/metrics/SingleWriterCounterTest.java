package dev.wirelab.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The single-writer counter under each ordering. These tests check what holds on every
 * machine (exact count, coherence, the owner rule); the differences between the orderings
 * show only on weakly ordered hardware and are jcstress's job, not a unit test's.
 */
@Timeout(60)
class SingleWriterCounterTest {

    /**
     * With one writer and readers polling, every reader sees the count only grow (coherence,
     * which even opaque/Relaxed promises), and the final value is exact.
     */
    @ParameterizedTest
    @EnumSource(SingleWriterCounter.Ordering.class)
    void readersSeeTheCountOnlyGrowAndTheFinalValueIsExact(SingleWriterCounter.Ordering ordering) throws Exception {
        SingleWriterCounter counter = new SingleWriterCounter(ordering);
        long total = 2_000_000;
        AtomicBoolean writerDone = new AtomicBoolean();
        AtomicLong backwardsSteps = new AtomicLong();
        try (ExecutorService pool = Executors.newFixedThreadPool(3)) {
            Future<?> writer = pool.submit(() -> {
                for (long i = 0; i < total; i++) {
                    counter.increment();
                }
                writerDone.set(true);
            });
            Runnable reader = () -> {
                long last = 0;
                // Polls until it has seen the writer finish, then reads once more: a reader
                // whose loop was hoisted (what plain mode would allow) would spin until @Timeout.
                while (true) {
                    boolean done = writerDone.get();
                    long now = counter.get();
                    if (now < last) {
                        backwardsSteps.incrementAndGet();
                    }
                    last = now;
                    if (done && now == total) {
                        return;
                    }
                }
            };
            Future<?> r1 = pool.submit(reader);
            Future<?> r2 = pool.submit(reader);
            writer.get(30, TimeUnit.SECONDS);
            r1.get(30, TimeUnit.SECONDS);
            r2.get(30, TimeUnit.SECONDS);
        }
        assertEquals(0, backwardsSteps.get(), "a reader saw the count go backwards");
        assertEquals(total, counter.get());
    }

    /** A second writing thread is refused with a message naming both threads. */
    @Test
    void refusesASecondWriterThread() throws Exception {
        SingleWriterCounter counter = new SingleWriterCounter(SingleWriterCounter.Ordering.RELEASE_ACQUIRE);
        counter.add(5);
        try (ExecutorService other = Executors.newSingleThreadExecutor(r -> new Thread(r, "intruder"))) {
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> other.submit(counter::increment).get(10, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof IllegalStateException);
            String message = e.getCause().getMessage();
            assertTrue(message.contains("'" + Thread.currentThread().getName() + "'"), message);
            assertTrue(message.contains("'intruder'"), message);
        }
        assertEquals(5, counter.get(), "the refused add must not have counted");
    }

    /** Reading from other threads is always allowed; only writing is owned. */
    @Test
    void anyThreadMayRead() throws Exception {
        SingleWriterCounter counter = new SingleWriterCounter(SingleWriterCounter.Ordering.OPAQUE);
        counter.add(7);
        try (ExecutorService other = Executors.newSingleThreadExecutor()) {
            assertEquals(7L, other.submit(counter::get).get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void rejectsNegativeDelta() {
        SingleWriterCounter counter = new SingleWriterCounter(SingleWriterCounter.Ordering.VOLATILE);
        assertThrows(IllegalArgumentException.class, () -> counter.add(-3));
        assertEquals(0, counter.get());
    }
}
