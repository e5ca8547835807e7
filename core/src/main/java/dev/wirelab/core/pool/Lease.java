package dev.wirelab.core.pool;

/**
 * One object borrowed from a {@link Pool}; closing the lease gives it back (or destroys it,
 * if it was {@linkplain #markBroken() marked broken}). Java's stand-in for Rust's
 * {@code PooledConnection} with its {@code Drop}.
 *
 * <p><b>A lease is a claim ticket.</b> It remembers which slot of the pool it claimed and the
 * slot's stamp at that moment (see {@link Pool}, "Slots and stamps"). It is open exactly
 * while the slot's stamp still has that value; closing moves the stamp on with one CAS.
 * Hence:
 * <ul>
 * <li>Closing twice is harmless: the second close finds the stamp moved and does nothing, so
 *     "close in every error path" is always safe. Of closes racing from several threads,
 *     exactly one wins the CAS.</li>
 * <li>A lease kept from an earlier claim is stale for good, even after a later claim took
 *     the same slot (the stamp only goes up): it cannot give back or mark broken an object
 *     that someone else now holds.</li>
 * <li>Using the lease after it closed is a bug (the object may already belong to someone
 *     else) and fails at once with {@link IllegalStateException} instead of quietly sharing
 *     the object.</li>
 * </ul>
 *
 * <p>The lease holds no lock, no flag of its own for "closed" and no gauge guard, and nothing
 * in the pool keeps a reference to it. That is on purpose: when a try-with-resources block
 * acquires, uses and closes it, the JIT can see that it never escapes and keep its fields in
 * registers instead of allocating it (escape analysis; check with {@code -prof gc}).
 *
 * <p><b>Where the lab simplifies.</b> {@link #get()} hands out the object itself, so a
 * caller who keeps that reference past {@code close()} can still misuse it. A stricter pool
 * would hand out a proxy that goes dead on close (HikariCP does this for JDBC connections).
 *
 * <p><b>Threads:</b> a lease is meant for one holder at a time, but {@link #close()} may be
 * called from any thread. {@link #markBroken()} must happen-before the close that should see
 * it (the same thread, or a hand-over through a j.u.c. tool); the flag is volatile so the
 * hand-over needs nothing more.
 *
 * @param <T> the pooled object type
 */
public final class Lease<T> implements AutoCloseable {

    private final Pool<T> pool;
    private final int slot;
    private final long stamp;
    private final T object;
    private volatile boolean broken;

    Lease(Pool<T> pool, int slot, long stamp, T object) {
        this.pool = pool;
        this.slot = slot;
        this.stamp = stamp;
        this.object = object;
    }

    /** The borrowed object. */
    public T get() {
        ensureOpen("get()");
        return object;
    }

    /**
     * Says the object must not be reused (its connection failed, its state is unknown). The
     * pool destroys it when the lease closes, and its place is free for a new object.
     */
    public void markBroken() {
        ensureOpen("markBroken()");
        broken = true;
    }

    public boolean isBroken() {
        return broken;
    }

    public boolean isClosed() {
        return !pool.holds(slot, stamp);
    }

    /** Returns the object to the pool, or destroys it if broken. Only the first call acts. */
    @Override
    public void close() {
        pool.release(slot, stamp, broken); // a stale stamp makes this a no-op
    }

    private void ensureOpen(String what) {
        if (isClosed()) {
            throw new IllegalStateException("lease from pool '" + pool.name() + "' used after close(): " + what
                    + " called on a lease whose object already went back to the pool (or was destroyed); "
                    + "acquire a new lease instead");
        }
    }

    @Override
    public String toString() {
        return "Lease[pool=" + pool.name() + ", slot=" + slot + (isClosed() ? ", closed" : "")
                + (broken ? ", broken" : "") + "]";
    }
}
