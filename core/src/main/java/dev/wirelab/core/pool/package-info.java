/**
 * Object pools in the RAII style: borrow with try-with-resources, and the object goes back by
 * itself.
 *
 * <p>{@link dev.wirelab.core.pool.Pool} is the lesson: a row of slots, each with a stamp
 * claimed by one CAS (a lock-free fast path in the manner of HikariCP's {@code ConcurrentBag}
 * and Stormpot), a semaphore only for callers that must wait, and the three rules every pool
 * must keep: bounded size, broken objects never return, failures never lose capacity.
 * {@link dev.wirelab.core.pool.Lease} is the guard that gives the object back on
 * {@code close()}: a claim ticket (slot and stamp) that goes stale for good once closed. {@link dev.wirelab.core.pool.PoolStats}
 * says what the pool did (created, reused, destroyed, waiting). The exceptions say which
 * pool failed and why.
 *
 * <p>Production twins: the tests run one contract ({@code PoolContract}) against this pool,
 * Apache commons-pool2's {@code GenericObjectPool} and Stormpot, so you can see where they
 * agree (all of the contract) and where they differ (Stormpot allocates in a background
 * thread and treats a double release as misuse; commons-pool2 hands back raw objects and
 * needs an explicit {@code invalidateObject}).
 */
package dev.wirelab.core.pool;
