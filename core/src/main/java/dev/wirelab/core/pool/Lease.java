package dev.wirelab.core.pool;

import java.util.concurrent.atomic.AtomicBoolean;

import dev.wirelab.core.metrics.Gauge;

/**
 * One object borrowed from a {@link Pool}; closing the lease gives it back (or destroys it,
 * if it was {@linkplain #markBroken() marked broken}). Java's stand-in for Rust's
 * {@code PooledConnection} with its {@code Drop}.
 *
 * <p>Closing twice is harmless: the second close finds the lease already closed and does
 * nothing, so "close in every error path" is always safe. Using the lease after it closed is
 * a bug (the object may already belong to someone else) and fails at once with
 * {@link IllegalStateException} instead of quietly sharing the object.
 *
 * <p><b>Where the lab simplifies.</b> {@link #get()} hands out the object itself, so a
 * caller who keeps that reference past {@code close()} can still misuse it. A stricter pool
 * would hand out a proxy that goes dead on close (HikariCP does this for JDBC connections).
 *
 * <p><b>Threads:</b> a lease is meant for one holder at a time, but {@link #close()} may be
 * called from any thread, and only the first call of all racing ones returns the object.
 *
 * @param <T> the pooled object type
 */
public final class Lease<T> implements AutoCloseable {

    private final Pool<T> pool;
    private final T object;
    private final Gauge.Guard leasedGuard;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean broken;

    Lease(Pool<T> pool, T object, Gauge.Guard leasedGuard) {
        this.pool = pool;
        this.object = object;
        this.leasedGuard = leasedGuard;
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
        return closed.get();
    }

    /** Returns the object to the pool, or destroys it if broken. Only the first call acts. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return; // closed before: nothing left to give back
        }
        try {
            pool.giveBack(object, broken);
        } finally {
            leasedGuard.close();
        }
    }

    private void ensureOpen(String what) {
        if (closed.get()) {
            throw new IllegalStateException("lease from pool '" + pool.name() + "' used after close(): " + what
                    + " called on a lease whose object already went back to the pool (or was destroyed); "
                    + "acquire a new lease instead");
        }
    }

    @Override
    public String toString() {
        return "Lease[pool=" + pool.name() + (isClosed() ? ", closed" : "") + (broken ? ", broken" : "") + "]";
    }
}
