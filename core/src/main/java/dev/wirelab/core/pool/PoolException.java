package dev.wirelab.core.pool;

/**
 * A pool could not lend an object: its factory failed (the cause says why), or, as the
 * subclass {@link PoolTimeoutException}, no object became free in time. Unchecked, like
 * Stormpot's exception of the same name, so leases work in lambdas and streams.
 */
public class PoolException extends RuntimeException {

    public PoolException(String message) {
        super(message);
    }

    public PoolException(String message, Throwable cause) {
        super(message, cause);
    }
}
