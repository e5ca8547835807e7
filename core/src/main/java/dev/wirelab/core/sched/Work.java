package dev.wirelab.core.sched;

import java.time.Duration;

/**
 * CPU work that the JIT cannot remove: a xorshift loop whose result is consumed. A "unit" of
 * work is calibrated to a wall-clock length on the machine at hand, so task sizes mean the
 * same thing on a laptop and on a CI box.
 */
final class Work {

    private Work() {
    }

    /**
     * Runs {@code iterations} steps of xorshift64 from a non-zero seed and returns the state.
     * Xorshift never reaches 0 from a non-zero state, which callers use to "consume" the result
     * without changing their answer: {@code (burn(..) == 0 ? 1 : 0)} is always 0, but the JIT
     * cannot know that, so it must run the loop.
     */
    static long burn(long iterations, long seed) {
        long x = seed == 0 ? 0x9E3779B97F4A7C15L : seed;
        for (long i = 0; i < iterations; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        return x;
    }

    /** How many iterations of {@link #burn} take {@code unit} here (best of a few tries, after warm-up). */
    static long calibrate(Duration unit) {
        long probe = 2_000_000;
        long best = Long.MAX_VALUE;
        long sink = 0;
        for (int i = 0; i < 7; i++) { // the first tries also warm the JIT up
            long start = System.nanoTime();
            sink ^= burn(probe, i + 1);
            best = Math.min(best, System.nanoTime() - start);
        }
        if (sink == 0) {
            best++; // never true (see burn); keeps the loop alive
        }
        return Math.max(1, Math.round((double) probe * unit.toNanos() / Math.max(1, best)));
    }
}
