package exercises.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

// The tests of exercise bounded-handoff. Do not change this file: lab check runs it as it is.
class MailboxTest {

    /** A fast producer and a slow consumer: every item arrives, in order, and the queue never exceeds its capacity. */
    @Test
    void slowConsumerLosesNothingAndBoundsTheQueue() throws Exception {
        Mailbox<Integer> box = new Mailbox<>(8);
        List<Integer> received = new ArrayList<>();
        box.start(item -> {
            received.add(item);
            sleepMicros(300);
        });
        int maxDepth = 0;
        for (int i = 0; i < 500; i++) {
            box.send(i);
            maxDepth = Math.max(maxDepth, box.depth());
        }
        assertTrue(box.finish(Duration.ofSeconds(10)), "the consumer did not drain the mailbox");
        assertTrue(maxDepth <= 8, "the queue held " + maxDepth + " items; its capacity is 8");
        assertEquals(500, received.size(), "items were lost");
        for (int i = 0; i < 500; i++) {
            assertEquals(i, received.get(i), "out of order at " + i);
        }
    }

    /** With the consumer stuck, send blocks once the mailbox is full: that wait is the backpressure. */
    @Test
    void sendBlocksWhileFull() throws Exception {
        Mailbox<String> box = new Mailbox<>(4);
        CountDownLatch release = new CountDownLatch(1);
        box.start(item -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        AtomicBoolean producerDone = new AtomicBoolean();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread producer = Thread.ofPlatform().start(() -> {
            try {
                for (int i = 0; i < 20; i++) {
                    box.send("item" + i);
                }
                producerDone.set(true);
            } catch (InterruptedException | RuntimeException e) {
                failure.set(e);
            }
        });
        // The consumer holds one item, the queue four: the producer must be waiting now.
        producer.join(TimeUnit.MILLISECONDS.toMillis(300));
        assertNull(failure.get(), () -> "send threw " + failure.get());
        assertTrue(producer.isAlive() && !producerDone.get(), "send() returned although the mailbox was full");
        assertTrue(box.depth() <= 4, "depth " + box.depth() + " exceeds the capacity of 4");
        release.countDown();
        producer.join(5_000);
        assertTrue(producerDone.get(), "the producer did not finish after the consumer went on");
        assertTrue(box.finish(Duration.ofSeconds(5)));
    }

    private static void sleepMicros(long micros) {
        long end = System.nanoTime() + micros * 1000;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }
}
