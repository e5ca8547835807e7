package dev.wirelab.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for a condition by polling it until a deadline: the way tests wait for a server's
 * counters to catch up, instead of sleeping for a guessed time.
 *
 * <p>A server updates its metrics on its own threads, a moment after the client sees the
 * bytes; polling with a generous deadline is fast when the machine is fast and still
 * correct when a shared machine is slow. Only a condition that never becomes true fails.
 */
public final class Eventually {

    /** How long a condition may take before the test fails; generous on purpose (noisy machines). */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(10);

    private static final long POLL_MILLIS = 5;

    private Eventually() {
    }

    /** Polls until {@code condition} holds; fails with {@code what} and the last observed state otherwise. */
    public static void until(String what, BooleanSupplier condition, Supplier<?> lastSeen) {
        until(what, condition, lastSeen, DEFAULT_DEADLINE);
    }

    public static void until(String what, BooleanSupplier condition, Supplier<?> lastSeen, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - end > 0) {
                fail("waited " + deadline.toMillis() + " ms for: " + what + "; last seen: " + lastSeen.get());
            }
            pause(POLL_MILLIS);
        }
    }

    /** One short pause between polls; restores the interrupt flag and fails if interrupted. */
    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted while polling", e);
        }
    }
}
