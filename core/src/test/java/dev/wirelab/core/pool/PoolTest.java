package dev.wirelab.core.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rules of the lab's {@link Pool} beyond the shared {@link PoolContract}: the lease's close
 * rules, what the exceptions say, what the stats count, and how closing the pool behaves.
 */
@Timeout(30)
class PoolTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final AtomicInteger ids = new AtomicInteger();

    private Pool<Resource> pool(int maxSize) {
        return new Pool<>("test-db", maxSize, () -> new Resource(ids.incrementAndGet()));
    }

    /** Closing a lease twice returns the object once: the second close is a no-op. */
    @Test
    void closingALeaseTwiceReturnsTheObjectOnce() throws Exception {
        try (Pool<Resource> pool = pool(2)) {
            Lease<Resource> lease = pool.acquire(WAIT);
            lease.close();
            lease.close();

            PoolStats stats = pool.stats();
            assertEquals(1, stats.idle(), "the object must be idle exactly once");
            assertEquals(0, stats.leased());
            // Had the second close released a second permit, three leases would now fit.
            Lease<Resource> a = pool.acquire(WAIT);
            Lease<Resource> b = pool.acquire(WAIT);
            assertThrows(PoolTimeoutException.class, () -> pool.acquire(Duration.ofMillis(20)));
            a.close();
            b.close();
        }
    }

    /** A lease used after close fails loudly, naming the pool, instead of sharing the object. */
    @Test
    void usingALeaseAfterCloseIsAClearError() throws Exception {
        try (Pool<Resource> pool = pool(1)) {
            Lease<Resource> lease = pool.acquire(WAIT);
            lease.close();
            IllegalStateException e = assertThrows(IllegalStateException.class, lease::get);
            assertTrue(e.getMessage().contains("'test-db'") && e.getMessage().contains("after close()"), e.getMessage());
            assertThrows(IllegalStateException.class, lease::markBroken);
        }
    }

    /** The timeout exception names the pool, its size, how long the caller waited and the load. */
    @Test
    void timeoutSaysWhichPoolHowBigAndHowLong() throws Exception {
        try (Pool<Resource> pool = pool(1); Lease<Resource> held = pool.acquire(WAIT)) {
            PoolTimeoutException e = assertThrows(PoolTimeoutException.class,
                    () -> pool.acquire(Duration.ofMillis(50)));
            assertEquals("test-db", e.poolName());
            assertEquals(1, e.maxSize());
            assertTrue(e.waited().toMillis() >= 45, "waited " + e.waited());
            assertTrue(e.getMessage().startsWith("pool 'test-db' (max size 1): no object free after waiting "),
                    e.getMessage());
            assertTrue(e.getMessage().contains("1 leased, 0 other callers waiting"), e.getMessage());
            assertTrue(held.get().id > 0);
        }
    }

    /** A failing factory surfaces as PoolException with the cause, and costs no capacity. */
    @Test
    void factoryFailureIsReportedWithItsCauseAndKeepsThePermit() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Pool.Factory<Resource> flaky = () -> {
            if (calls.incrementAndGet() <= 3) {
                throw new IOException("connection refused");
            }
            return new Resource(calls.get());
        };
        try (Pool<Resource> pool = new Pool<>("flaky", 1, flaky)) {
            for (int i = 0; i < 3; i++) {
                PoolException e = assertThrows(PoolException.class, () -> pool.acquire(WAIT));
                assertInstanceOf(IOException.class, e.getCause());
                assertTrue(e.getMessage().startsWith("pool 'flaky': the factory failed"), e.getMessage());
            }
            // Three failures on a pool of one: if any had kept its permit, this would time out.
            try (Lease<Resource> lease = pool.acquire(Duration.ofMillis(200))) {
                assertEquals(4, lease.get().id);
            }
            assertEquals(1, pool.stats().created());
        }
    }

    /** A factory that returns null is a bug in the factory, reported as such. */
    @Test
    void factoryReturningNullIsRejected() {
        try (Pool<Resource> pool = new Pool<>("nulls", 1, () -> null)) {
            PoolException e = assertThrows(PoolException.class, () -> pool.acquire(WAIT));
            assertTrue(e.getMessage().contains("returned null"), e.getMessage());
        }
    }

    /** created, reused and destroyed count exactly what happened, and peakLive counts the most objects alive at once. */
    @Test
    void statsCountCreatedReusedAndDestroyed() throws Exception {
        try (Pool<Resource> pool = pool(2)) {
            Lease<Resource> a = pool.acquire(WAIT);       // created 1
            Lease<Resource> b = pool.acquire(WAIT);       // created 2
            a.close();
            b.markBroken();
            b.close();                                    // destroyed 1
            pool.acquire(WAIT).close();                   // reused 1
            pool.acquire(WAIT).close();                   // reused 2 (the same idle object)

            PoolStats s = pool.stats();
            assertEquals(2, s.created());
            assertEquals(2, s.reused());
            assertEquals(1, s.destroyed());
            assertEquals(1, s.live());
            assertEquals(1, s.idle());
            assertEquals(0, s.leased());
            assertEquals(2, s.peakLive());
            assertEquals(0.5, s.reuseRatio());
        }
    }

    /** waiting counts callers blocked in acquire, and drops back when they get an object. */
    @Test
    void waitingCountsBlockedCallers() throws Exception {
        try (Pool<Resource> pool = pool(1); ExecutorService others = Executors.newVirtualThreadPerTaskExecutor()) {
            Lease<Resource> held = pool.acquire(WAIT);
            Future<Integer> first = others.submit(() -> useAndGetId(pool));
            Future<Integer> second = others.submit(() -> useAndGetId(pool));
            awaitTrue(() -> pool.stats().waiting() == 2, "two callers should be waiting: " + pool.stats());

            held.close();
            assertEquals(1, first.get(10, TimeUnit.SECONDS));
            assertEquals(1, second.get(10, TimeUnit.SECONDS));
            assertEquals(0, pool.stats().waiting());
            assertEquals(2, pool.stats().peakWaiting());
        }
    }

    /** An idle object whose validator throws is treated as invalid: destroyed, not lent. */
    @Test
    void aThrowingValidatorCountsAsInvalid() throws Exception {
        Pool.Factory<Resource> factory = new Pool.Factory<>() {
            @Override
            public Resource create() {
                return new Resource(ids.incrementAndGet());
            }

            @Override
            public boolean validate(Resource r) {
                throw new IllegalStateException("cannot tell");
            }
        };
        try (Pool<Resource> pool = new Pool<>("picky", 1, factory)) {
            Resource first;
            try (Lease<Resource> lease = pool.acquire(WAIT)) {
                first = lease.get();
            }
            try (Lease<Resource> lease = pool.acquire(WAIT)) {
                assertNotSame(first, lease.get());
            }
            assertEquals(1, pool.stats().destroyed());
        }
    }

    /** A destroy that throws is counted, and does not turn a lease's close() into an exception. */
    @Test
    void aFailingDestroyIsCountedNotThrown() throws Exception {
        Pool.Factory<Resource> factory = new Pool.Factory<>() {
            @Override
            public Resource create() {
                return new Resource(ids.incrementAndGet());
            }

            @Override
            public void destroy(Resource r) throws IOException {
                throw new IOException("socket already closed");
            }
        };
        try (Pool<Resource> pool = new Pool<>("dying", 1, factory)) {
            Lease<Resource> lease = pool.acquire(WAIT);
            lease.markBroken();
            lease.close();
            assertEquals(1, pool.stats().destroyed());
            assertEquals(1, pool.stats().destroyFailures());
            pool.acquire(WAIT).close(); // and the permit came back
        }
    }

    /** Closing the pool destroys idle objects now and leased ones on return; acquire then fails. */
    @Test
    void closingThePoolDestroysIdleNowAndLeasedOnReturn() throws Exception {
        Pool<Resource> pool = pool(2);
        Lease<Resource> kept = pool.acquire(WAIT);
        pool.acquire(WAIT).close(); // one idle object
        pool.close();
        pool.close(); // harmless

        assertEquals(1, pool.stats().destroyed(), "the idle object is destroyed at close");
        assertTrue(kept.get().id > 0, "a lease taken before close still works");
        kept.close();
        assertEquals(2, pool.stats().destroyed(), "a lease returned after close is destroyed");
        assertEquals(0, pool.stats().idle());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> pool.acquire(WAIT));
        assertTrue(e.getMessage().contains("'test-db' is closed"), e.getMessage());
    }

    /** Callers already waiting when the pool closes wake up and are told it closed. */
    @Test
    void closingThePoolWakesEveryWaiter() throws Exception {
        Pool<Resource> pool = pool(1);
        Lease<Resource> held = pool.acquire(WAIT);
        try (ExecutorService others = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Integer> a = others.submit(() -> useAndGetId(pool));
            Future<Integer> b = others.submit(() -> useAndGetId(pool));
            awaitTrue(() -> pool.stats().waiting() == 2, "two callers should be waiting");
            pool.close();
            for (Future<Integer> f : List.of(a, b)) {
                ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
                assertInstanceOf(IllegalStateException.class, e.getCause());
            }
        }
        held.close();
    }

    /** An interrupted waiter leaves with InterruptedException and is no longer counted as waiting. */
    @Test
    void anInterruptedWaiterLeavesCleanly() throws Exception {
        try (Pool<Resource> pool = pool(1)) {
            Lease<Resource> held = pool.acquire(WAIT);
            var outcome = new java.util.concurrent.atomic.AtomicReference<String>("still running");
            Thread waiter = Thread.ofPlatform().start(() -> {
                try {
                    pool.acquire(WAIT).close();
                    outcome.set("acquired from a full pool");
                } catch (InterruptedException expected) {
                    outcome.set("interrupted");
                }
            });
            awaitTrue(() -> pool.stats().waiting() == 1, "the waiter should be blocked");
            waiter.interrupt();
            waiter.join(WAIT.toMillis());
            assertEquals("interrupted", outcome.get());
            assertEquals(0, pool.stats().waiting());
            held.close();
        }
    }

    /**
     * A lease kept from an earlier claim stays dead after a later claim took the same slot:
     * closing it again must not hand back the object the later lease holds.
     */
    @Test
    void aStaleLeaseCannotReleaseTheObjectALaterClaimHolds() throws Exception {
        try (Pool<Resource> pool = pool(1)) {
            Lease<Resource> earlier = pool.acquire(WAIT);
            Resource resource = earlier.get();
            earlier.close();
            Lease<Resource> later = pool.acquire(WAIT);
            assertSame(resource, later.get(), "the later claim should reuse the same object");

            earlier.close(); // stale: must do nothing

            assertFalse(later.isClosed(), "a stale close ended the later lease");
            assertEquals(1, pool.stats().leased());
            assertEquals(0, pool.stats().idle());
            assertThrows(PoolTimeoutException.class, () -> pool.acquire(Duration.ofMillis(20)),
                    "the stale close gave the held object back to the pool");
            assertSame(resource, later.get());
            later.close();
        }
    }

    /** A stale lease can neither read nor break the object a later claim of its slot holds. */
    @Test
    void aStaleLeaseCannotUseOrBreakALaterClaimsObject() throws Exception {
        try (Pool<Resource> pool = pool(1)) {
            Lease<Resource> earlier = pool.acquire(WAIT);
            earlier.close();
            Lease<Resource> later = pool.acquire(WAIT);

            assertThrows(IllegalStateException.class, earlier::get);
            assertThrows(IllegalStateException.class, earlier::markBroken);
            assertTrue(earlier.isClosed());

            later.close();
            assertEquals(0, pool.stats().destroyed(), "the later object must go back idle, not be destroyed");
            assertEquals(1, pool.stats().idle());
        }
    }

    /** Of many threads closing one lease at once, exactly one gives the object back. */
    @Test
    void racingClosesOfOneLeaseReturnTheObjectOnce() throws Exception {
        try (Pool<Resource> pool = pool(2); ExecutorService closers = Executors.newFixedThreadPool(4)) {
            for (int round = 0; round < 200; round++) {
                Lease<Resource> lease = pool.acquire(WAIT);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<?>> closes = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    closes.add(closers.submit(() -> {
                        go.await();
                        lease.close();
                        return null;
                    }));
                }
                go.countDown();
                for (Future<?> f : closes) {
                    f.get(10, TimeUnit.SECONDS);
                }
                assertEquals(0, pool.stats().leased(), "round " + round);
            }
            // Had any round freed the slot twice, the stamps would be out of step: both slots
            // must still be claimable exactly once each.
            Lease<Resource> a = pool.acquire(WAIT);
            Lease<Resource> b = pool.acquire(WAIT);
            assertNotSame(a.get(), b.get());
            assertThrows(PoolTimeoutException.class, () -> pool.acquire(Duration.ofMillis(20)));
            a.close();
            b.close();
            assertEquals(pool.stats().live(), pool.stats().idle(), pool.stats().toString());
        }
    }

    /**
     * Threads claiming, breaking and returning at once leave every count consistent: nothing
     * leased at the end, live equals idle, never more than maxSize alive, and every slot
     * still claimable (a slot lost while destroying would make the last step time out).
     */
    @ParameterizedTest(name = "{0} threads")
    @ValueSource(strings = {"platform", "virtual"})
    void brokenObjectsUnderContentionKeepEveryCountConsistent(String kind) throws Exception {
        int maxSize = 2;
        try (Pool<Resource> pool = pool(maxSize);
             ExecutorService executor = Executors.newThreadPerTaskExecutor(kind.equals("virtual")
                     ? Thread.ofVirtual().factory() : Thread.ofPlatform().factory())) {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int seed = t;
                workers.add(executor.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        try (Lease<Resource> lease = pool.acquire(WAIT)) {
                            if ((i + seed) % 7 == 0) {
                                lease.markBroken();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : workers) {
                f.get(20, TimeUnit.SECONDS);
            }
            PoolStats s = pool.stats();
            assertEquals(0, s.leased(), s.toString());
            assertEquals(s.live(), s.idle(), s.toString());
            assertTrue(s.peakLive() <= maxSize, s.toString());
            assertTrue(s.destroyed() > 0, "no object was ever marked broken: " + s);
            assertEquals(4 * 500, s.created() + s.reused(), s.toString());
            Lease<Resource> a = pool.acquire(WAIT);
            Lease<Resource> b = pool.acquire(WAIT);
            a.close();
            b.close();
        }
    }

    @Test
    void rejectsAPoolOfSizeZero() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pool(0));
        assertTrue(e.getMessage().contains("maxSize must be at least 1"), e.getMessage());
    }

    private static int useAndGetId(Pool<Resource> pool) throws InterruptedException {
        try (Lease<Resource> lease = pool.acquire(WAIT)) {
            return lease.get().id;
        }
    }

    private static void awaitTrue(BooleanSupplier condition, String message) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail(message);
            }
            Thread.sleep(2); // polling with a deadline
        }
    }
}
