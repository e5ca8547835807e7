package dev.wirelab.async.netty.leak;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;

/**
 * The leak reports {@link RecordingLeakDetector} collected, and the one check tests run:
 * {@link #assertNoLeaks()}.
 *
 * <p>Leaks surface only after a GC and only when Netty next tracks a buffer, so the check
 * first provokes both: it runs the GC until a fresh sentinel object is provably collected and
 * its reference enqueued, then allocates and releases a tracked buffer, which makes the detector
 * drain its queue. It does that a few times to give the JDK's reference handler time to
 * enqueue the buffers from the same GC. A leak that still slips past one check is not lost:
 * reports stay queued until a check takes them, so the next test's check fails instead.
 */
public final class LeakReports {

    private static final Queue<String> REPORTS = new ConcurrentLinkedQueue<>();
    private static final AtomicLong BYTE_BUFS_TRACKED = new AtomicLong();
    private static final ByteBufAllocator PROBE = new PooledByteBufAllocator(true);
    private static final int GC_ROUNDS = 3;
    private static final Duration GC_DEADLINE = Duration.ofSeconds(5);

    private LeakReports() {
    }

    static void add(String report) {
        REPORTS.add(report);
    }

    static void trackedOne(String resourceType) {
        if (resourceType.equals("ByteBuf")) {
            BYTE_BUFS_TRACKED.incrementAndGet();
        }
    }

    /**
     * Fails unless Netty's buffer leak detector is ours and runs at PARANOID (every buffer
     * tracked). Without this, a misconfigured run would pass every leak check vacuously.
     */
    public static void assertDetectorInstalled() {
        if (ResourceLeakDetector.getLevel() != ResourceLeakDetector.Level.PARANOID) {
            throw new AssertionError("Netty's leak detector runs at " + ResourceLeakDetector.getLevel()
                    + ", not PARANOID: run the tests with -Dio.netty.leakDetection.level=PARANOID (async-echo's pom sets it)");
        }
        long before = BYTE_BUFS_TRACKED.get();
        PROBE.directBuffer(16).release();
        if (BYTE_BUFS_TRACKED.get() == before) {
            throw new AssertionError("Netty's ByteBuf leak detector is not " + RecordingLeakDetector.class.getName()
                    + ": run the tests with -Dio.netty.customResourceLeakDetector=" + RecordingLeakDetector.class.getName()
                    + " (async-echo's pom sets it), so leak reports can fail the build");
        }
    }

    /** Provokes leak detection, then fails with every report gathered so far (and forgets them). */
    public static void assertNoLeaks() {
        provokeDetection();
        List<String> found = new ArrayList<>();
        for (String r; (r = REPORTS.poll()) != null; ) {
            found.add(r);
        }
        if (!found.isEmpty()) {
            throw new AssertionError(found.size() + " Netty buffer leak(s) reported:\n" + String.join("\n\n", found));
        }
    }

    private static void provokeDetection() {
        for (int round = 0; round < GC_ROUNDS; round++) {
            collectGarbage();
            PROBE.directBuffer(16).release();   // the detector drains its reference queue on each track()
        }
    }

    /** Runs the GC until an object allocated now has been collected and its reference enqueued. */
    private static void collectGarbage() {
        ReferenceQueue<Object> queue = new ReferenceQueue<>();
        WeakReference<Object> sentinel = new WeakReference<>(new Object(), queue);
        long end = System.nanoTime() + GC_DEADLINE.toNanos();
        try {
            while (queue.remove(10) == null) {
                if (System.nanoTime() - end > 0) {
                    throw new AssertionError("the GC did not collect a sentinel within " + GC_DEADLINE
                            + "; the leak check cannot tell whether buffers leaked");
                }
                System.gc();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the GC", e);
        }
        sentinel.clear();
    }
}
