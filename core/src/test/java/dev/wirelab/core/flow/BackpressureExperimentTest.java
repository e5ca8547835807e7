package dev.wirelab.core.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import dev.wirelab.core.flow.BackpressureExperiment.Config;
import dev.wirelab.core.flow.BackpressureExperiment.Mode;
import dev.wirelab.core.flow.BackpressureExperiment.Result;
import dev.wirelab.core.flow.BackpressureExperiment.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The backpressure experiment's rules. Rates are paced, not raced: a producer that tries for
 * 20,000 items/s against a consumer of 2,000/s is 10x too fast on any machine, so these
 * assertions do not depend on how busy the test machine is.
 */
@Timeout(60)
class BackpressureExperimentTest {

    private static final Config SMALL = new Config(Duration.ofMillis(400), Duration.ofMillis(10),
            20_000, 2_000, 64, 256, 0.6);

    /** A bounded handoff never holds more than its capacity, and the producer really hit it. */
    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"BOUNDED_QUEUE", "FLOW_PUBLISHER"})
    void boundedDepthNeverExceedsCapacity(Mode mode) throws Exception {
        Result r = BackpressureExperiment.run(mode, SMALL);

        assertFalse(r.samples().isEmpty());
        // SubmissionPublisher's lag estimate also counts the item inside onNext; a queue's size does not.
        int allowed = r.capacity() + (mode == Mode.FLOW_PUBLISHER ? 1 : 0);
        for (Sample s : r.samples()) {
            assertTrue(s.depth() <= allowed, "depth " + s.depth() + " > " + allowed + " at " + s);
        }
        assertTrue(r.maxDepth() >= r.capacity() / 2, "the buffer never filled, so nothing was tested: " + r.maxDepth());
        // What was sent but not taken when the producer stopped fits in the buffer (+1 in the
        // consumer's hands).
        assertTrue(r.backlogAtDeadline() <= r.capacity() + 1, "backlog " + r.backlogAtDeadline());
    }

    /** With a bounded buffer the producer is slowed to the consumer's pace. */
    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"BOUNDED_QUEUE", "FLOW_PUBLISHER"})
    void boundedProducerSlowsDownToTheConsumer(Mode mode) throws Exception {
        Result r = BackpressureExperiment.run(mode, SMALL);
        double seconds = SMALL.duration().toNanos() / 1e9;
        // The paced consumer takes items 0..rate*T by the deadline; the producer can be ahead by
        // a full buffer, one item in the consumer's hands, and one put that completes just
        // after the deadline.
        long consumerCouldTake = (long) (SMALL.consumerRate() * seconds) + 1;
        assertTrue(r.produced() <= consumerCouldTake + r.capacity() + 2,
                "sent " + r.produced() + " items; the consumer could take " + consumerCouldTake
                        + " plus a full buffer of " + r.capacity());
        assertTrue(r.producerShare() < 0.5, "producer was not held back: " + r.producerShare());
    }

    /** In the bounded cases every item is delivered, exactly once and in order. */
    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"BOUNDED_QUEUE", "FLOW_PUBLISHER"})
    void boundedDeliversEveryItemInOrder(Mode mode) throws Exception {
        Result r = BackpressureExperiment.run(mode, SMALL);
        assertTrue(r.produced() > SMALL.capacity(), "too few items to tell: " + r.produced());
        assertEquals(r.produced(), r.delivered());
        assertEquals(0, r.outOfOrder());
        assertTrue(r.deliveredAllInOrder());
    }

    /** Without a bound the producer never waits, so the backlog grows far past any buffer size. */
    @Test
    void unboundedBacklogKeepsGrowing() throws Exception {
        Result r = BackpressureExperiment.run(Mode.UNBOUNDED_QUEUE, SMALL);

        assertEquals(Integer.MAX_VALUE, r.capacity());
        assertTrue(r.backlogAtDeadline() > 10L * SMALL.capacity(), "backlog only " + r.backlogAtDeadline());
        assertTrue(r.maxDepth() > 10L * SMALL.capacity(), "depth only " + r.maxDepth());
        assertTrue(r.producerShare() > 2 * (double) SMALL.consumerRate() / SMALL.producerRate(),
                "the unbounded producer should run well ahead of the consumer: " + r.producerShare());
        // The depth grows over the run: the last half's deepest sample beats the first half's.
        List<Sample> s = r.samples();
        int half = s.size() / 2;
        int firstHalfMax = s.subList(0, half).stream().mapToInt(Sample::depth).max().orElse(0);
        int secondHalfMax = s.subList(half, s.size()).stream().mapToInt(Sample::depth).max().orElse(0);
        assertTrue(secondHalfMax > firstHalfMax, firstHalfMax + " then " + secondHalfMax);
        // Late, but nothing lost: the drain delivers the whole backlog in order.
        assertTrue(r.deliveredAllInOrder());
    }

    /** Items wait longer in the unbounded buffer than a full bounded buffer allows. */
    @Test
    void unboundedItemsWaitLongerThanBoundedOnes() throws Exception {
        Result bounded = BackpressureExperiment.run(Mode.BOUNDED_QUEUE, SMALL);
        Result unbounded = BackpressureExperiment.run(Mode.UNBOUNDED_QUEUE, SMALL);
        assertTrue(unbounded.queueDelay().maxNanos() > bounded.queueDelay().maxNanos(),
                "bounded max wait " + bounded.queueDelay().maxNanos() + " ns, unbounded "
                        + unbounded.queueDelay().maxNanos() + " ns");
    }

    /** The table prints one row per mode, and the CSV one line per sample plus a header. */
    @Test
    void tableAndCsvCoverEveryRun() throws Exception {
        Config tiny = SMALL.withDuration(Duration.ofMillis(100));
        List<Result> results = BackpressureExperiment.runAll(tiny);
        assertEquals(3, results.size());
        String table = BackpressureExperiment.table(results);
        assertEquals(4, table.lines().count(), table);
        assertTrue(table.contains("bounded ArrayBlockingQueue(64)"), table);
        assertTrue(table.contains("unbounded LinkedBlockingQueue"), table);
        long samples = results.stream().mapToLong(r -> r.samples().size()).sum();
        String csv = BackpressureExperiment.csv(results);
        assertEquals(samples + 1, csv.lines().count());
        assertTrue(csv.startsWith("mode,elapsed_ms,depth,heap_used_bytes,produced,consumed\n"), csv);
    }

    @Test
    void rejectsAHeapGuardOutsideZeroToOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Config(Duration.ofSeconds(1), Duration.ofMillis(10), 10, 1, 1, 1, 1.5));
        assertTrue(e.getMessage().contains("heapGuard"), e.getMessage());
    }
}
