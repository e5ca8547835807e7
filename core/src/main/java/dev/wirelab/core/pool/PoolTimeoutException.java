package dev.wirelab.core.pool;

import java.time.Duration;

/**
 * No object became free within the caller's timeout. The message names the pool, its size,
 * how long this caller waited, and how busy the pool was, because "timeout" alone sends
 * people hunting in the wrong place: a pool that is full of leases nobody closes looks very
 * different from a pool whose maxSize is simply too small for the load.
 */
public final class PoolTimeoutException extends PoolException {

    private final String poolName;
    private final int maxSize;
    private final Duration waited;

    PoolTimeoutException(String poolName, int maxSize, Duration waited, long leased, long otherWaiters) {
        super("pool '" + poolName + "' (max size " + maxSize + "): no object free after waiting "
                + waited.toMillis() + " ms; " + leased + " leased, " + otherWaiters
                + " other callers waiting. Raise maxSize, or look for leases that are never closed.");
        this.poolName = poolName;
        this.maxSize = maxSize;
        this.waited = waited;
    }

    public String poolName() {
        return poolName;
    }

    public int maxSize() {
        return maxSize;
    }

    public Duration waited() {
        return waited;
    }
}
