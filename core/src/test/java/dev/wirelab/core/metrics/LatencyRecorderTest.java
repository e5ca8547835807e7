package dev.wirelab.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class LatencyRecorderTest {

    private final LatencyRecorder recorder = new LatencyRecorder();

    /** An interval holds exactly what was recorded since the previous one. */
    @Test
    void eachIntervalHoldsOnlyWhatCameSinceTheLastOne() {
        for (int i = 1; i <= 100; i++) {
            recorder.record(Duration.of(i, java.time.temporal.ChronoUnit.MICROS)); // 1..100 µs
        }
        LatencyRecorder.Summary first = recorder.interval().latency();
        assertEquals(100, first.count());
        assertEquals(1_000, first.minNanos());
        assertWithinPrecision(50_000, first.p50Nanos());
        assertWithinPrecision(99_000, first.p99Nanos());
        assertWithinPrecision(100_000, first.maxNanos());

        recorder.record(7_000_000);
        LatencyRecorder.Summary second = recorder.interval().latency();
        assertEquals(1, second.count());
        assertWithinPrecision(7_000_000, second.minNanos());

        LatencyRecorder.Summary empty = recorder.interval().latency();
        assertEquals(new LatencyRecorder.Summary(0, 0, 0, 0, 0, 0, 0, 0), empty);
    }

    /** total() adds up the intervals read so far. */
    @Test
    void totalAddsUpTheIntervals() {
        recorder.record(1_000);
        recorder.interval();
        recorder.record(2_000);
        recorder.record(3_000);
        LatencyRecorder.Interval second = recorder.interval();
        assertTrue(second.endNanos() >= second.startNanos());

        LatencyRecorder.Summary total = recorder.total();
        assertEquals(3, total.count());
        assertEquals(1_000, total.minNanos());
        assertWithinPrecision(3_000, total.maxNanos());
    }

    /** A value above the ceiling is kept (as the ceiling) and counted, never thrown. */
    @Test
    void clampsValuesAboveTheCeiling() {
        LatencyRecorder small = new LatencyRecorder(Duration.ofMillis(1), 3);
        small.record(Duration.ofSeconds(5));
        LatencyRecorder.Summary s = small.interval().latency();
        assertEquals(1, s.count());
        assertEquals(1, small.clamped());
        assertWithinPrecision(1_000_000, s.maxNanos());
    }

    /** A negative latency is a bug in the caller's clock arithmetic and says so. */
    @Test
    void rejectsNegativeLatency() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> recorder.record(-5));
        assertEquals("latency cannot be negative: -5 ns", e.getMessage());
    }

    /**
     * Writers recording while a reader keeps taking intervals: every value lands in exactly
     * one interval, none lost and none counted twice.
     */
    @Test
    void intervalsTakenDuringRecordingLoseNothing() throws Exception {
        int writers = 4;
        int perWriter = 200_000;
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong seenByReader = new AtomicLong();
        Thread reader = Thread.ofPlatform().start(() -> {
            while (writing.get()) {
                seenByReader.addAndGet(recorder.interval().latency().count());
            }
        });
        Concurrently.run(writers, t -> {
            for (int i = 0; i < perWriter; i++) {
                recorder.record(1 + (i % 10_000));
            }
        });
        writing.set(false);
        reader.join();
        seenByReader.addAndGet(recorder.interval().latency().count());

        assertEquals((long) writers * perWriter, seenByReader.get());
        assertEquals((long) writers * perWriter, recorder.total().count());
    }

    /** HdrHistogram reports bucket bounds; three significant digits means within 0.1%. */
    private static void assertWithinPrecision(long expected, long actual) {
        assertTrue(Math.abs(actual - expected) <= expected / 1000 + 1,
                "expected ~" + expected + " ns, got " + actual + " ns");
    }
}
