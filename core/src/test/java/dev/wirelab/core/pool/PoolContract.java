package dev.wirelab.core.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every object pool must do, written once and proven by three pools: the lab's
 * {@link Pool}, commons-pool2 and Stormpot. Each subclass is one line that builds its pool
 * through a {@link PoolUnderTest} adapter (the pattern of Stormpot's own
 * {@code AbstractPoolTest}).
 *
 * <p>Behaviour only one pool has (our lease's double-close rule, our exception messages,
 * our stats) lives in {@code PoolTest}: Stormpot, for one, treats a double release as misuse.
 */
@Timeout(30)
abstract class PoolContract {

    private static final Duration LONG_WAIT = Duration.ofSeconds(10);
    private static final Duration SHORT_WAIT = Duration.ofMillis(100);

    protected final ResourceFactory factory = new ResourceFactory();
    private final List<PoolUnderTest> pools = new ArrayList<>();

    /** Builds the pool under test over {@code factory}, holding at most {@code maxSize} objects. */
    protected abstract PoolUnderTest createPool(ResourceFactory factory, int maxSize);

    private PoolUnderTest pool(int maxSize) {
        PoolUnderTest pool = createPool(factory, maxSize);
        pools.add(pool);
        return pool;
    }

    @AfterEach
    void closePools() throws Exception {
        for (PoolUnderTest pool : pools) {
            pool.shutdown();
        }
    }

    /** A released object is lent again: that is the whole point of a pool. */
    @Test
    void lendsTheSameObjectAgainAfterItIsReleased() throws Exception {
        PoolUnderTest pool = pool(1);
        PoolUnderTest.Borrowed first = claimNow(pool);
        Resource resource = first.resource();
        first.release();

        PoolUnderTest.Borrowed second = claimNow(pool);
        assertSame(resource, second.resource());
        second.release();
        assertEquals(1, factory.created(), "one object should serve both claims");
    }

    /** With every object lent out, one more claim waits out its timeout and gets nothing. */
    @Test
    void neverLendsMoreThanMaxSizeObjects() throws Exception {
        PoolUnderTest pool = pool(3);
        List<PoolUnderTest.Borrowed> held = new ArrayList<>();
        Set<Resource> distinct = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            held.add(claimNow(pool));
            distinct.add(held.getLast().resource());
        }
        assertEquals(3, distinct.size(), "three claims must get three distinct objects");

        long start = System.nanoTime();
        Optional<PoolUnderTest.Borrowed> fourth = pool.claim(SHORT_WAIT);
        long waited = System.nanoTime() - start;

        assertTrue(fourth.isEmpty(), "a fourth object was lent from a pool of three");
        assertTrue(waited >= SHORT_WAIT.toNanos() * 9 / 10, "gave up before the timeout: " + waited + " ns");
        assertTrue(factory.peakLive() <= 3, "more than maxSize objects were alive: " + factory.peakLive());
        held.forEach(PoolUnderTest.Borrowed::release); // Stormpot's shutdown waits for every claim
    }

    /** A claimer blocked on a full pool gets the object the moment another holder releases it. */
    @Test
    void aReleaseWakesAWaitingClaimer() throws Exception {
        PoolUnderTest pool = pool(1);
        PoolUnderTest.Borrowed held = claimNow(pool);
        Resource resource = held.resource();
        try (ExecutorService other = Executors.newSingleThreadExecutor()) {
            Future<Resource> waiter = other.submit(() -> {
                PoolUnderTest.Borrowed b = pool.claim(LONG_WAIT).orElseThrow();
                Resource got = b.resource(); // read before release: after it, ours refuses (rightly)
                b.release();
                return got;
            });
            assertFalse(waiter.isDone(), "the waiter got an object while the only one was held");
            held.release();
            assertSame(resource, waiter.get(LONG_WAIT.toSeconds(), TimeUnit.SECONDS));
        }
    }

    /** An object released as broken is destroyed and never lent again. */
    @Test
    void destroysABrokenObjectAndNeverLendsItAgain() throws Exception {
        PoolUnderTest pool = pool(1);
        PoolUnderTest.Borrowed first = claimNow(pool);
        Resource broken = first.resource();
        first.releaseBroken();

        PoolUnderTest.Borrowed second = claimNow(pool);
        assertNotSame(broken, second.resource(), "a broken object was lent again");
        second.release();
        // Stormpot destroys in its background thread, so allow it a moment.
        awaitTrue(() -> broken.destroyed.get(), "the broken object was never destroyed");
    }

    /** An idle object that fails validation is destroyed instead of being lent. */
    @Test
    void destroysAnIdleObjectThatFailsValidation() throws Exception {
        PoolUnderTest pool = pool(1);
        PoolUnderTest.Borrowed first = claimNow(pool);
        Resource stale = first.resource();
        first.release();
        stale.valid = false; // e.g. the server closed the idle connection

        PoolUnderTest.Borrowed second = claimNow(pool);
        assertNotSame(stale, second.resource(), "an object that failed validation was lent");
        assertTrue(factory.validate(second.resource()));
        second.release();
        awaitTrue(() -> stale.destroyed.get(), "the invalid object was never destroyed");
    }

    /**
     * While the factory fails, no claim gets an object and the failure reaches the claimer;
     * once the factory recovers, the pool can again lend all maxSize objects at once. A pool
     * that lost a permit per failure fails the last step.
     */
    @Test
    void factoryFailuresReachTheClaimerAndDoNotShrinkThePool() throws Exception {
        factory.setFailing(true);
        PoolUnderTest pool = pool(2);
        List<Exception> failures = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            try {
                Optional<PoolUnderTest.Borrowed> got = pool.claim(Duration.ofMillis(20));
                assertTrue(got.isEmpty(), "lent an object although the factory only fails");
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                failures.add(e); // ours and commons-pool2 throw every time; Stormpot may also time out
            }
        }
        assertEquals(0, factory.created());
        assertFalse(failures.isEmpty(), "six claims against a failing factory and not one reported it");
        failures.forEach(e -> assertTrue(causedByFactory(e), "not the factory's failure: " + e));

        factory.setFailing(false);
        List<PoolUnderTest.Borrowed> all = claimAllWithRetries(pool, 2);
        assertEquals(2, all.stream().map(PoolUnderTest.Borrowed::resource).distinct().count());
        all.forEach(PoolUnderTest.Borrowed::release);
    }

    private static boolean causedByFactory(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof java.io.IOException && String.valueOf(c.getMessage()).contains("told the factory to fail")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Many threads claiming and releasing at once: no object is ever held by two claimers,
     * no more than maxSize objects live, and no claim is lost.
     */
    @ParameterizedTest(name = "{0} threads")
    @ValueSource(strings = {"platform", "virtual"})
    void concurrentClaimsNeverShareAnObject(String kind) throws Exception {
        int maxSize = 3;
        int threads = 8;
        int rounds = 300;
        PoolUnderTest pool = pool(maxSize);
        ThreadFactory threadFactory = kind.equals("virtual")
                ? Thread.ofVirtual().name("claimer-", 0).factory()
                : Thread.ofPlatform().name("claimer-", 0).factory();
        AtomicInteger completed = new AtomicInteger();
        ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();

        try (ExecutorService executor = Executors.newThreadPerTaskExecutor(threadFactory)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(executor.submit(() -> {
                    for (int i = 0; i < rounds; i++) {
                        useOnce(pool, violations);
                        completed.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(LONG_WAIT.toSeconds() * 2, TimeUnit.SECONDS);
            }
        }

        assertEquals(List.of(), List.copyOf(violations));
        assertEquals(threads * rounds, completed.get());
        assertTrue(factory.peakLive() <= maxSize, "more than maxSize objects were alive: " + factory.peakLive());
    }

    private static void useOnce(PoolUnderTest pool, ConcurrentLinkedQueue<String> violations) throws Exception {
        PoolUnderTest.Borrowed b = pool.claim(LONG_WAIT)
                .orElseThrow(() -> new AssertionError("claim timed out under contention"));
        Resource r = b.resource();
        if (!r.inUse.compareAndSet(false, true)) {
            violations.add(r + " was lent to two claimers at once");
        }
        Thread.yield(); // hold it a moment, so claims overlap
        r.inUse.set(false);
        b.release();
    }

    // ---- helpers ----

    private static PoolUnderTest.Borrowed claimNow(PoolUnderTest pool) throws Exception {
        return pool.claim(LONG_WAIT).orElseThrow(() -> new AssertionError("claim timed out on a pool with room"));
    }

    /** Claims {@code n} objects at once, retrying claims that fail while a pool replaces failed slots. */
    private static List<PoolUnderTest.Borrowed> claimAllWithRetries(PoolUnderTest pool, int n) throws Exception {
        List<PoolUnderTest.Borrowed> held = new ArrayList<>();
        long deadline = System.nanoTime() + LONG_WAIT.toNanos();
        while (held.size() < n) {
            if (System.nanoTime() > deadline) {
                fail("could hold only " + held.size() + " of " + n + " objects after the factory recovered");
            }
            try {
                pool.claim(SHORT_WAIT).ifPresent(held::add);
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception stillReplacingAFailedSlot) {
                // Stormpot hands each failed slot to one claimer as an exception before refilling it.
            }
        }
        return held;
    }

    private static void awaitTrue(BooleanSupplier condition, String message) throws InterruptedException {
        long deadline = System.nanoTime() + LONG_WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail(message);
            }
            Thread.sleep(5); // polling a condition with a deadline, not synchronising on time
        }
    }
}
