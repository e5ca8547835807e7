/**
 * The pools suite ({@code lab bench pools}): claim/release of core's {@code Pool} beside
 * commons-pool2 and Stormpot, at one and two threads, on the fast path (an idle object is
 * always there). See {@link dev.wirelab.bench.pool.PoolBenchmark}.
 */
package dev.wirelab.bench.pool;
