package dev.wirelab.core.pool;

import java.time.Duration;
import java.util.Optional;

/**
 * What {@link PoolContract} needs from a pool: claim with a timeout, release, release as
 * broken, close. Each pool under test (ours, commons-pool2, Stormpot) gets a small adapter,
 * so one contract reads the same for all three.
 */
interface PoolUnderTest {

    /**
     * Claims an object, waiting up to {@code timeout}.
     *
     * @return empty when no object became free in time
     * @throws Exception whatever the pool throws when its factory fails
     */
    Optional<Borrowed> claim(Duration timeout) throws Exception;

    /** Closes the pool (not AutoCloseable: Stormpot's shutdown waits and may be interrupted). */
    void shutdown() throws Exception;

    /** A claimed object and the two ways to give it back. */
    interface Borrowed {
        Resource resource();

        /** Gives the object back for reuse. */
        void release();

        /** Gives the object back as unusable: the pool must destroy it. */
        void releaseBroken();
    }
}
