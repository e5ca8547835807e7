package dev.wirelab.core.flow;

import java.util.concurrent.locks.LockSupport;

/**
 * Keeps a loop to a target rate: item {@code n} may not start before
 * {@code start + n / rate}. Because the schedule is absolute, a late wake-up (Linux parks for
 * at least ~50 µs) is made up by running the next few items back to back, so the average
 * rate holds even when single sleeps are coarse.
 */
final class Pacer {

    private final long startNanos;
    private final double nanosPerItem;
    private volatile boolean enabled = true;

    Pacer(long startNanos, double ratePerSecond) {
        this.startNanos = startNanos;
        this.nanosPerItem = 1e9 / ratePerSecond;
    }

    /**
     * Waits until item {@code index} is due, but not past {@code deadlineNanos}.
     *
     * @return false if the deadline came first
     */
    boolean awaitTurn(long index, long deadlineNanos) {
        long due = startNanos + (long) (index * nanosPerItem);
        while (enabled) {
            long now = System.nanoTime();
            if (now - deadlineNanos >= 0) {
                return false;
            }
            if (now - due >= 0) {
                return true;
            }
            LockSupport.parkNanos(Math.min(due, deadlineNanos) - now);
        }
        return true;
    }

    /** From now on {@link #awaitTurn} returns at once (used to drain at full speed). */
    void disable() {
        enabled = false;
    }
}
