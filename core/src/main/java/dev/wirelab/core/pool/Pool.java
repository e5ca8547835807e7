package dev.wirelab.core.pool;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import dev.wirelab.core.metrics.Counter;
import dev.wirelab.core.metrics.Gauge;

/**
 * An object pool in the RAII style: {@link #acquire} hands out a {@link Lease}, and closing
 * the lease gives the object back.
 *
 * <p><b>The idea.</b> Some objects cost far more to make than to use: a database connection
 * needs a TCP handshake, often TLS and a login, before its first query. A pool keeps a few
 * and lends them out. Rust ties the return to {@code Drop}: when the guard leaves scope, the
 * connection goes home. Java has no destructors, but try-with-resources calls
 * {@link Lease#close()} on every way out of a block (normal end, {@code return}, exception),
 * so a lease is the same guard:
 *
 * <pre>{@code
 * try (Lease<Connection> lease = pool.acquire(Duration.ofMillis(250))) {
 *     lease.get().send(request);
 * } // back in the pool here, however the block ended
 * }</pre>
 *
 * <p><b>Three rules, and how each is kept.</b>
 * <ol>
 * <li><em>At most {@code maxSize} objects exist.</em> A {@link Semaphore} holds
 *     {@code maxSize} permits; a permit is the right to hold one object, idle-taken or newly
 *     made. Idle objects are kept in a deque beside it. Acquire takes a permit first, so the
 *     factory is never asked for object number {@code maxSize + 1}.</li>
 * <li><em>A broken object never goes back.</em> The holder calls {@link Lease#markBroken()}
 *     after, say, an I/O error, and the pool destroys the object instead of keeping it; an
 *     idle object that fails {@link Factory#validate} when it is handed out again is destroyed
 *     too. Either way its permit is freed, so a fresh object can take its place. (The
 *     article's pool pushes every object back and notes that "proper error handling" is the
 *     key: this is that error handling.)</li>
 * <li><em>A failure never loses capacity.</em> If {@link Factory#create} throws, the permit
 *     is released before the exception reaches the caller. Forget that {@code finally} and
 *     each failed connect shrinks the pool by one until it is empty for good.</li>
 * </ol>
 *
 * <pre>
 *  acquire ─► take permit ─(timeout)─► PoolTimeoutException
 *                 │
 *                 ▼
 *           idle object? ──yes──► validate ──ok──► Lease   (counted "reused")
 *                 │ no               └─fails─► destroy, look again
 *                 ▼
 *           factory.create() ──ok──► Lease                 (counted "created")
 *                 └─throws─► release permit, PoolException(cause)
 *
 *  Lease.close ─► broken or pool closed? ──yes──► destroy ─┐
 *                        └─no─► idle deque (front) ────────┴─► release permit
 * </pre>
 *
 * <p><b>Threads.</b> Safe for any number of platform and virtual threads. Waiting happens in
 * {@link Semaphore#tryAcquire(long, TimeUnit)}, and the idle deque is a
 * {@link LinkedBlockingDeque}: both park through {@code java.util.concurrent} locks, and
 * no lock is held while the factory runs (a slow connect must not stall returns). There is no
 * {@code synchronized} here at all: since JDK 24 (JEP 491) a monitor no longer pins a virtual
 * thread to its carrier, but the j.u.c. tools are still the ones with timed, interruptible
 * waits. The semaphore is fair, so waiters are served in arrival order.
 *
 * <p><b>Guarantee:</b> blocking by design ({@link #acquire} waits for a permit, up to the
 * timeout); {@link Lease#close()} never waits for another caller. <b>Ordering:</b> returning
 * an object to the deque happens-before the next {@code acquire} that takes it (the
 * memory-consistency rule of every j.u.c. collection), so whatever the previous holder wrote
 * into the object is visible to the next one.
 *
 * <p><b>Where the lab simplifies.</b> No idle eviction or maximum lifetime, no minimum idle
 * count or warm-up, no leak detection for leases that are never closed. The production twins
 * standing beside this class in the tests (commons-pool2 and Stormpot, see
 * {@code PoolContract}) have all of these.
 *
 * @param <T> the pooled object type
 */
public final class Pool<T> implements AutoCloseable {

    /**
     * Makes, checks and disposes of pooled objects. Only {@link #create} is required.
     *
     * @param <T> the pooled object type
     */
    @FunctionalInterface
    public interface Factory<T> {
        /** Makes a new object; may be slow (a connect) and may fail. Must not return null. */
        T create() throws Exception;

        /**
         * Whether an idle object is still fit to be handed out (a cheap liveness check). Called
         * when an idle object is about to be reused; an exception counts as "not valid".
         */
        default boolean validate(T object) {
            return true;
        }

        /** Releases what the object holds (closes the socket). Failures are counted, not thrown. */
        default void destroy(T object) throws Exception {
        }
    }

    private final String name;
    private final int maxSize;
    private final Factory<T> factory;
    private final Semaphore permits;
    // Most recently returned first: it is the warmest, and surplus objects settle at the back.
    private final LinkedBlockingDeque<T> idle = new LinkedBlockingDeque<>();
    private volatile boolean closed;

    private final Counter created = new Counter();
    private final Counter reused = new Counter();
    private final Counter destroyed = new Counter();
    private final Counter destroyFailures = new Counter();
    private final Gauge waiting = new Gauge();
    private final Gauge leased = new Gauge();

    /**
     * @param name shows up in every exception and in {@link #stats()}, so say what is pooled
     * @param maxSize the most objects that may exist at once, at least 1
     * @param factory makes, validates and destroys the objects
     */
    public Pool(String name, int maxSize, Factory<T> factory) {
        this.name = Objects.requireNonNull(name, "name");
        this.factory = Objects.requireNonNull(factory, "factory");
        if (maxSize < 1) {
            throw new IllegalArgumentException("pool '" + name + "': maxSize must be at least 1, was " + maxSize);
        }
        this.maxSize = maxSize;
        this.permits = new Semaphore(maxSize, true);
    }

    public String name() {
        return name;
    }

    public int maxSize() {
        return maxSize;
    }

    /**
     * Lends an object, waiting up to {@code timeout} for one to become free.
     *
     * @throws PoolTimeoutException if no object became free in time (says which pool, its
     *         size, how long this caller waited and how many others wait)
     * @throws PoolException if the factory failed to make an object; the cause is the
     *         factory's exception, and the pool's capacity is unchanged
     * @throws IllegalStateException if the pool is closed
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    public Lease<T> acquire(Duration timeout) throws InterruptedException {
        ensureOpen();
        takePermit(timeout);
        boolean handedOut = false;
        try {
            Lease<T> lease = lendIdleOrCreate();
            handedOut = true;
            return lease;
        } finally {
            // Whatever went wrong (factory threw, validator threw, an Error), the permit goes
            // back: this finally is rule 3, "a failure never loses capacity".
            if (!handedOut) {
                permits.release();
            }
        }
    }

    private void takePermit(Duration timeout) throws InterruptedException {
        // Fast path: a free permit, no waiting, so no entry in the "waiting" gauge. The timed
        // form with zero wait is used because plain tryAcquire() barges past queued waiters.
        if (permits.tryAcquire(0, TimeUnit.NANOSECONDS)) {
            checkStillOpenAfterWaking();
            return;
        }
        long start = System.nanoTime();
        boolean got;
        Gauge.Guard waiter = waiting.enter(); // counted as waiting until we leave, however we leave
        try {
            got = permits.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } finally {
            waiter.close();
        }
        if (!got) {
            throw new PoolTimeoutException(name, maxSize, Duration.ofNanos(System.nanoTime() - start),
                    leased.get(), waiting.get());
        }
        checkStillOpenAfterWaking();
    }

    private void checkStillOpenAfterWaking() {
        if (closed) {
            // Pass the permit on so the next waiter wakes too and learns the pool is closed.
            permits.release();
            throw closedException();
        }
    }

    private Lease<T> lendIdleOrCreate() {
        // Phase 1: reuse the warmest idle object that still passes validation.
        T object;
        while ((object = idle.pollFirst()) != null) {
            if (isValid(object)) {
                reused.increment();
                return new Lease<>(this, object, leased.enter());
            }
            destroy(object);
        }
        // Phase 2: nothing idle. We hold a permit, so making one more stays within maxSize.
        T fresh = create();
        created.increment();
        return new Lease<>(this, fresh, leased.enter());
    }

    private T create() {
        T fresh;
        try {
            fresh = factory.create();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // keep the flag for the caller to see
            throw new PoolException("pool '" + name + "': interrupted while the factory was creating an object", e);
        } catch (Exception e) {
            throw new PoolException("pool '" + name + "': the factory failed to create an object ("
                    + e + "); the permit was returned, so the pool's capacity is unchanged", e);
        }
        if (fresh == null) {
            throw new PoolException("pool '" + name + "': the factory returned null instead of an object");
        }
        return fresh;
    }

    private boolean isValid(T object) {
        try {
            return factory.validate(object);
        } catch (RuntimeException e) {
            return false; // a validator that cannot tell is treated as "no"
        }
    }

    /** Called once per lease, by {@link Lease#close()}. */
    void giveBack(T object, boolean broken) {
        try {
            if (broken || closed) {
                destroy(object);
                return;
            }
            idle.offerFirst(object);
            // close() may have drained the deque between our check and our offer: look again,
            // so no object is left idle in a closed pool.
            if (closed) {
                drainIdle();
            }
        } finally {
            permits.release();
        }
    }

    private void destroy(T object) {
        try {
            factory.destroy(object);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            destroyFailures.increment();
        } catch (Exception e) {
            // The object is gone from the pool either way; a failing close() of a dead socket
            // is common and must not turn a lease's close() into an exception.
            destroyFailures.increment();
        } finally {
            destroyed.increment();
        }
    }

    private void drainIdle() {
        T object;
        while ((object = idle.pollFirst()) != null) {
            destroy(object);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw closedException();
        }
    }

    private IllegalStateException closedException() {
        return new IllegalStateException("pool '" + name + "' is closed; acquire from an open pool");
    }

    /** Created, reused, destroyed, waiting and the rest, read one by one (not an atomic snapshot). */
    public PoolStats stats() {
        return new PoolStats(name, maxSize, created.get(), reused.get(), destroyed.get(), destroyFailures.get(),
                waiting.get(), waiting.highWaterMark(), leased.get(), leased.highWaterMark(), idle.size());
    }

    /**
     * Closes the pool: idle objects are destroyed now, leased ones when their lease closes,
     * and every acquire from now on (including callers already waiting) fails with
     * {@link IllegalStateException}. Closing twice is harmless.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        drainIdle();
        // Wake one waiter; it sees the pool closed and passes the permit on (see takePermit).
        permits.release();
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public String toString() {
        return stats().toString();
    }
}
