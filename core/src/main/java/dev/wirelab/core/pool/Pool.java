package dev.wirelab.core.pool;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import dev.wirelab.core.metrics.Counter;
import dev.wirelab.core.metrics.Gauge;
import dev.wirelab.core.metrics.HighWaterMark;

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
 * <p><b>Slots and stamps.</b> The pool is a fixed row of {@code maxSize} slots. Each slot
 * holds at most one object and a <em>stamp</em>, a counter that only ever goes up:
 *
 * <pre>
 *   stamp even ─► slot free: idle (object present) or empty (no object yet, or destroyed)
 *   stamp odd  ─► slot held: by a lease, or by the pool itself while it destroys the object
 *
 *        claim: CAS stamp s → s+1            release: CAS stamp s → s+1
 *   ... ─ 4 free ──────────────► 5 held by lease #5 ──────────────► 6 free ─ ...
 *                                     │ markBroken, or the pool is closed
 *                                     └─ CAS 5 → 7 (pool holds it) ─ destroy ─► 8 free, empty
 * </pre>
 *
 * A lease remembers the slot and the stamp it claimed, and it is valid exactly while the
 * slot's stamp still equals that number. Closing it moves the stamp on with one CAS, so a
 * second close, a close racing from another thread, or a lease kept from an earlier claim
 * finds a different stamp and does nothing: it can never give back an object that a later
 * claim holds. Every rule of a pool falls out of this one word per slot:
 * <ol>
 * <li><em>At most {@code maxSize} objects exist:</em> there are {@code maxSize} slots and a
 *     slot holds one object. Nothing needs counting.</li>
 * <li><em>A broken object never goes back.</em> The holder calls {@link Lease#markBroken()}
 *     after, say, an I/O error; close then destroys the object while the slot is still held,
 *     and only afterwards frees the slot, empty, so a fresh object can take its place. An idle
 *     object that fails {@link Factory#validate} when it is claimed again is destroyed and
 *     replaced in the same slot. (The article's pool pushes every object back and notes that
 *     "proper error handling" is the key: this is that error handling.)</li>
 * <li><em>A failure never loses capacity.</em> If {@link Factory#create} throws, the claimed
 *     slot is freed (empty) before the exception reaches the caller. Forget that
 *     {@code finally} and each failed connect shrinks the pool by one until it is empty for
 *     good.</li>
 * </ol>
 *
 * <p><b>Fast path, slow path.</b> The common case is a free object and nobody waiting. Then
 * {@link #acquire} is one CAS on one slot, and close is one CAS on the same slot: no lock, no
 * queue, no shared counter written. Each thread starts its search at its "home" slot, the
 * one it claimed last (kept in a {@link ThreadLocal}; at first {@code threadId % maxSize}),
 * so two threads that use the pool at the same time soon settle on different slots, and the stamps are spread {@value #STRIDE} longs apart so two slots
 * never share a cache line. Only when every slot is held does a caller take the slow path:
 * it counts itself in {@code waiting}, looks once more, then parks on a fair
 * {@link Semaphore} until a release signals that a slot came free (or the timeout passes).
 *
 * <pre>
 *  acquire ─► nobody waiting? ──yes──► claim a free slot, home slot first ──► Lease
 *                 │ no                      │ all held
 *                 ▼                         ▼
 *           count in "waiting" ─► look again ─► park on the semaphore ─(timeout)─► PoolTimeoutException
 *                                    ▲                 │ a release signalled
 *                                    └─────────────────┘
 *  claimed slot:  idle object ─► validate ─ok─► Lease (counted "reused")
 *                 empty, or invalid object destroyed ─► factory.create() ─ok─► Lease (counted "created")
 *                                                          └─throws─► free the slot, PoolException(cause)
 * </pre>
 *
 * <p>This is how the production pools go fast too: HikariCP's {@code ConcurrentBag} scans a
 * list of entries with a CAS state per entry and parks only when it finds none; Stormpot
 * claims a slot with a CAS after first trying the slot its thread used last. The semaphore
 * here carries no capacity, only wake-up calls; a signal that finds nothing (someone else
 * got the slot first) costs one more look and another wait.
 *
 * <p><b>What the speed costs.</b> The first version of this class took a permit from a fair
 * semaphore on every acquire and kept idle objects in a {@code LinkedBlockingDeque}: simpler,
 * and strictly first-come first-served, but every claim wrote the same two contended words
 * and allocated a lease, a flag and a gauge guard (see bench/README.md, "pools"). Now:
 * <ul>
 * <li>Fairness is looser. A caller never overtakes a waiter on the fast path (it sees
 *     {@code waiting > 0} and queues), and waiters wake in arrival order; but a waiter that
 *     wakes may find that a caller arriving at that very moment took the slot in its "look
 *     again" step, and then it waits again. HikariCP and Stormpot make the same trade.</li>
 * <li>There is no "peak leased" figure: keeping it would mean one shared counter written
 *     on every claim, exactly the contended write the fast path avoids.
 *     {@link PoolStats#peakLive()} (most objects alive at once) is counted on the slow
 *     create and destroy paths instead, and {@code leased} and {@code idle} are counted by
 *     reading the slots when {@link #stats()} is called.</li>
 * <li>Each thread that uses the pool gets one small {@code Home} object (its slot hint) in
 *     a {@link ThreadLocal}. For a few long-lived platform threads that is nothing; a
 *     virtual thread that acquires once pays that allocation once.</li>
 * <li>A lease is still one small object per claim (slot number, stamp, broken flag). It is
 *     immutable apart from the flag and never stored anywhere, so when acquire, use and close
 *     sit in one try-with-resources block the JIT's escape analysis usually removes the
 *     allocation altogether. A lease object reused per slot would allocate nothing even then,
 *     but a holder's stale reference would be indistinguishable from the current holder's,
 *     so a late second close could return someone else's object: the stamp is what makes
 *     "use after close" and "close twice" safe.</li>
 * </ul>
 *
 * <p><b>Threads.</b> Safe for any number of platform and virtual threads. The fast path
 * takes no lock at all; waiting happens only in {@link Semaphore#tryAcquire(long, TimeUnit)},
 * which parks through {@code java.util.concurrent} (a parked virtual thread frees its
 * carrier), and nothing is held while the factory runs (a slow connect must not stall
 * returns). There is no {@code synchronized} here.
 *
 * <p><b>Guarantee:</b> with a free slot and no waiters, {@link #acquire} is lock-free (a CAS
 * that fails means another thread claimed that slot, and the search moves on); with none, it
 * blocks, up to the timeout. {@link Lease#close()} never waits for another caller.
 * <b>Ordering:</b> a slot's stamp is read and CASed as a volatile. The object is written into
 * its slot before the releasing CAS and read after the claiming CAS that saw that stamp, so
 * the release happens-before the next claim, and whatever the previous holder wrote into the
 * object is visible to the next one (Rust: a Release store read by an Acquire CAS). A
 * releaser frees the slot and then reads {@code waiting}; a waiter raises {@code waiting} and
 * then looks at the slots. Both are volatile, so they cannot both miss the other (the
 * Dekker pattern): either the waiter sees the free slot, or the releaser sees the waiter and
 * signals.
 *
 * <p><b>Where the lab simplifies.</b> No idle eviction or maximum lifetime, no minimum idle
 * count or warm-up, no leak detection for leases that are never closed. A caller that finds
 * every slot held scans all of them, so very large pools under heavy contention pay
 * O(maxSize) per wake-up. The production twins standing beside this class in the tests
 * (commons-pool2 and Stormpot, see {@code PoolContract}) have eviction, lifetimes and leak
 * detection.
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

    /**
     * Longs between two slots' stamps: 16 × 8 B = 128 B, two cache lines, because x86 fetches
     * lines in adjacent pairs. Without the gap, threads on different slots would still fight
     * over one line (false sharing).
     */
    static final int STRIDE = 16;

    private final String name;
    private final int maxSize;
    private final Factory<T> factory;
    /** Slot i's stamp is at index {@link #at at(i)}; even means free, odd means held. */
    private final AtomicLongArray stamps;
    /** Slot i's object, or null when empty. Written only by the slot's holder. */
    private final Object[] objects;
    /** Wake-up calls for waiters; carries no capacity (kept to what waiters need, see signalIfWaiting). */
    private final Semaphore freed = new Semaphore(0, true);
    /** Per thread: the slot to try first. Read and written only by its own thread. */
    private final ThreadLocal<Home> home;
    private volatile boolean closed;

    private final Counter created = new Counter();
    private final Counter reused = new Counter();
    private final Counter destroyed = new Counter();
    private final Counter destroyFailures = new Counter();
    private final Gauge waiting = new Gauge();
    private final AtomicLong live = new AtomicLong(); // changed only on create and destroy
    private final HighWaterMark peakLive = new HighWaterMark();

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
        this.stamps = new AtomicLongArray(Math.multiplyExact(maxSize + 1, STRIDE));
        this.objects = new Object[maxSize];
        // First guess: spread threads by id. Two threads may still start on one slot; the
        // loser of the first CAS moves on, and remembers where it got in.
        this.home = ThreadLocal.withInitial(() -> new Home((int) (Thread.currentThread().threadId() % maxSize)));
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
        // Fast path: nobody is queued, so we may take any free slot without overtaking anyone.
        int slot = waiting.get() == 0 ? tryClaim() : -1;
        if (slot < 0) {
            slot = claimOrWait(timeout);
        }
        T object = objectFor(slot);
        // The lease is made here, in this small method, on purpose: once acquire is inlined
        // into the caller's try-with-resources block, escape analysis sees the whole life of
        // the lease and can drop the allocation (see Lease).
        return new Lease<>(this, slot, stamps.get(at(slot)), object);
    }

    /**
     * Claims a free slot, or returns -1 if all are held. Idle objects come first (reusing one
     * is the pool's whole point); only when there is none does an empty slot get claimed, to
     * be filled by the factory.
     */
    private int tryClaim() {
        Home home = this.home.get();
        int slot = claimFirstFree(home.slot, true);
        if (slot < 0) {
            slot = claimFirstFree(home.slot, false);
        }
        if (slot >= 0) {
            home.slot = slot; // next time, start where we succeeded: threads drift apart and stay apart
        }
        return slot;
    }

    /** Where a thread starts looking: the slot it claimed last (Stormpot keeps the same hint). */
    private static final class Home {
        int slot;

        Home(int slot) {
            this.slot = slot;
        }
    }

    /** One pass over the slots from {@code home}; with {@code idleOnly}, empty slots are skipped. */
    private int claimFirstFree(int home, boolean idleOnly) {
        for (int n = 0; n < maxSize; n++) {
            int slot = home + n < maxSize ? home + n : home + n - maxSize;
            long stamp = stamps.get(at(slot));
            boolean free = (stamp & 1) == 0;
            // The object is read after the stamp: the release that wrote this stamp also published it.
            if (free && (!idleOnly || objects[slot] != null)
                    && stamps.compareAndSet(at(slot), stamp, stamp + 1)) {
                return slot;
            }
        }
        return -1;
    }

    /** The slow path: every slot is held (or others wait), so queue up until a release signals. */
    private int claimOrWait(Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        // Counted as waiting until we leave, however we leave; releasers read this count.
        try (Gauge.Guard _ = waiting.enter()) {
            while (true) {
                // Look again *after* raising "waiting": a slot freed before that is seen here,
                // a slot freed after it comes with a signal (see the class doc, "Ordering").
                int slot = tryClaim();
                if (slot >= 0) {
                    return slot;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !freed.tryAcquire(left, TimeUnit.NANOSECONDS)) {
                    throw new PoolTimeoutException(name, maxSize, Duration.ofNanos(System.nanoTime() - start),
                            countSlots(true), waiting.get() - 1);
                }
                checkStillOpenAfterWaking();
            }
        }
    }

    /**
     * Where slot {@code slot}'s stamp lives. Slot 0 starts one stride in, so the array's own
     * header (and whatever object the heap put before it) is not on its cache lines either.
     */
    private static int at(int slot) {
        return (slot + 1) * STRIDE;
    }

    private void checkStillOpenAfterWaking() {
        if (closed) {
            // Pass the signal on so the next waiter wakes too and learns the pool is closed.
            freed.release();
            throw closedException();
        }
    }

    /** We hold {@code slot}: the object to lend from it, reused or newly made. */
    private T objectFor(int slot) {
        boolean lent = false;
        try {
            // close() may have begun after our first check; no lease leaves a closed pool.
            ensureOpen();
            T object = reuseOrCreate(slot);
            lent = true;
            return object;
        } finally {
            // Whatever went wrong (closed, factory threw, an Error), the slot is freed: this
            // finally is rule 3, "a failure never loses capacity".
            if (!lent) {
                retire(slot, stamps.get(at(slot)), true);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private T reuseOrCreate(int slot) {
        T object = (T) objects[slot];
        if (object != null) {
            if (isValid(object)) {
                reused.increment();
                return object;
            }
            objects[slot] = null;
            destroy(object); // stale: replace it in this slot
        }
        T fresh = create();
        objects[slot] = fresh;
        created.increment();
        peakLive.observe(live.incrementAndGet());
        return fresh;
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
                    + e + "); its slot was freed, so the pool's capacity is unchanged", e);
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

    // ---- what a Lease calls ----

    /** Whether the lease that claimed {@code slot} at {@code stamp} is still the holder. */
    boolean holds(int slot, long stamp) {
        return stamps.get(at(slot)) == stamp;
    }

    /**
     * Ends the lease that claimed {@code slot} at {@code stamp}: the object goes back idle, or
     * is destroyed if broken or the pool is closed. A stale stamp (closed before) does nothing.
     */
    void release(int slot, long stamp, boolean broken) {
        if (broken || closed) {
            retire(slot, stamp, false);
            return;
        }
        // The common case: one CAS frees the slot with its object in it.
        if (!stamps.compareAndSet(at(slot), stamp, stamp + 1)) {
            return; // closed before: the slot has moved on
        }
        signalIfWaiting();
        // close() may have swept the slots between our check and our CAS: sweep again, so no
        // object is left idle in a closed pool.
        if (closed) {
            destroyIdle();
        }
    }

    /**
     * Destroys the object in {@code slot} (if any) and frees the slot empty. First moves the
     * stamp from {@code stamp} to the next odd value, so the pool holds the slot while it
     * destroys and the old lease is already stale. With {@code alreadyOurs} the caller holds
     * the slot itself (a claim that failed) and no lease exists yet.
     */
    private void retire(int slot, long stamp, boolean alreadyOurs) {
        int i = at(slot);
        if (!alreadyOurs && !stamps.compareAndSet(i, stamp, stamp + 2)) {
            return; // closed before
        }
        long held = stamps.get(i);
        Object object = objects[slot];
        if (object != null) {
            objects[slot] = null;
            @SuppressWarnings("unchecked")
            T t = (T) object;
            destroy(t);
        }
        stamps.set(i, held + 1); // free and empty: a waiter may now create a fresh object here
        signalIfWaiting();
    }

    /**
     * Called after a slot came free. A signal is needed only if some waiter could miss it: if
     * there are already as many unused signals as waiters, each of them will wake and look
     * at the slots after this point anyway. Without that check, signals nobody needed (the
     * waiter found the slot in its "look again") would pile up, and a later waiter would spin
     * through them one by one.
     */
    private void signalIfWaiting() {
        long waiters = waiting.get();
        if (waiters > 0 && freed.availablePermits() < waiters) {
            freed.release();
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
            live.decrementAndGet();
            destroyed.increment();
        }
    }

    /** Claims every idle slot and destroys its object; held slots are left to their leases. */
    private void destroyIdle() {
        for (int slot = 0; slot < maxSize; slot++) {
            long stamp = stamps.get(at(slot));
            if ((stamp & 1) == 0 && objects[slot] != null
                    && stamps.compareAndSet(at(slot), stamp, stamp + 1)) {
                retire(slot, stamp + 1, true);
            }
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

    /** Free slots with an object ({@code held == false}) or held slots ({@code held == true}). */
    private int countSlots(boolean held) {
        int count = 0;
        for (int slot = 0; slot < maxSize; slot++) {
            boolean isHeld = (stamps.get(at(slot)) & 1) == 1;
            if (held ? isHeld : !isHeld && objects[slot] != null) {
                count++;
            }
        }
        return count;
    }

    /**
     * Created, reused, destroyed, waiting and the rest, read one by one (not an atomic
     * snapshot); leased and idle are counted by reading every slot.
     */
    public PoolStats stats() {
        return new PoolStats(name, maxSize, created.get(), reused.get(), destroyed.get(), destroyFailures.get(),
                waiting.get(), waiting.highWaterMark(), countSlots(true), countSlots(false), peakLive.get());
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
        destroyIdle();
        // Wake one waiter; it sees the pool closed and passes the signal on (checkStillOpenAfterWaking).
        freed.release();
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public String toString() {
        return stats().toString();
    }
}
