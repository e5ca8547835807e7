package dev.wirelab.bench.pool;

import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import dev.wirelab.bench.BenchmarkDefaults;
import dev.wirelab.core.pool.Lease;
import dev.wirelab.core.pool.Pool;
import org.apache.commons.pool2.BasePooledObjectFactory;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.impl.DefaultPooledObject;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import stormpot.Allocator;
import stormpot.Pooled;
import stormpot.Slot;
import stormpot.Timeout;

/*
 * What does borrowing a pooled object cost when one is free?
 *
 * A pool is worth it when making an object (a connection: handshake, TLS, login) costs
 * milliseconds. Then the pool's own overhead — claim, bookkeeping, release — is paid on
 * every request, so it should be tiny beside the work done with the object. This benchmark
 * measures only that overhead: the pool holds more objects than there are threads, so every
 * claim finds one idle (the fast path), and the "work" is reading one field.
 *
 * BASELINE  BARE_QUEUE      a ConcurrentLinkedQueue of objects: poll, use, offer. No size
 *                           limit, no waiting, no validation, no stats: the floor for any pool
 *                           built on a shared queue
 * APPROACH  WIRELAB         core's Pool: one CAS on a padded per-slot stamp to claim (home
 *                           slot threadId % size first), one CAS to release, a semaphore only
 *                           when every slot is held; the Lease (slot + stamp) never escapes the
 *                           try-with-resources block, so escape analysis can remove it
 * TWIN 1    COMMONS_POOL2   GenericObjectPool (defaults, JMX off): the pool behind DBCP and Jedis
 * TWIN 2    STORMPOT        Stormpot's pool: a thread-local "last slot" fast path, so a thread
 *                           that claims again usually touches no shared state at all
 *
 * Each at 1 thread (the cost of the operations themselves) and 2 threads (what sharing the
 * pool between two cores adds). -prof gc (lab bench pools) shows what each claim allocates.
 * The goal at 2 threads: WIRELAB >= 10x COMMONS_POOL2 and >= 0.5x STORMPOT.
 *
 * How to run: ./lab bench pools   (or: java -jar bench/target/benchmarks.jar PoolBenchmark -prof gc)
 */
@State(Scope.Benchmark)
public class PoolBenchmark extends BenchmarkDefaults {

    /** More objects than benchmark threads: no claim ever waits. */
    static final int POOL_SIZE = 4;
    private static final Duration WAIT = Duration.ofSeconds(1);

    /** The pools compared. */
    public enum Impl {
        BARE_QUEUE, WIRELAB, COMMONS_POOL2, STORMPOT
    }

    @Param
    public Impl impl;

    /** The pooled thing: a stand-in for a connection, with an id to read while it is held. */
    public record FakeConnection(int id) {
    }

    private final AtomicInteger ids = new AtomicInteger();
    private ConcurrentLinkedQueue<FakeConnection> bare;
    private Pool<FakeConnection> wirelab;
    private GenericObjectPool<FakeConnection> commons;
    private stormpot.Pool<Pooled<FakeConnection>> stormpotPool;
    private final Timeout stormpotWait = new Timeout(WAIT);

    @Setup
    public void setUp() throws Exception {
        switch (impl) {
            case BARE_QUEUE -> {
                bare = new ConcurrentLinkedQueue<>();
                for (int i = 0; i < POOL_SIZE; i++) {
                    bare.add(newConnection());
                }
            }
            case WIRELAB -> wirelab = new Pool<>("bench", POOL_SIZE, this::newConnection);
            case COMMONS_POOL2 -> commons = commonsPool();
            case STORMPOT -> stormpotPool = stormpot.Pool.from(new StormpotAllocator(this)).setSize(POOL_SIZE).build();
        }
        // Fill the pool, so the measurement starts on the fast path.
        for (int i = 0; i < POOL_SIZE; i++) {
            claimRelease();
        }
    }

    @TearDown
    public void tearDown() throws InterruptedException {
        switch (impl) {
            case BARE_QUEUE -> bare.clear();
            case WIRELAB -> wirelab.close();
            case COMMONS_POOL2 -> commons.close();
            case STORMPOT -> {
                if (!stormpotPool.shutdown().await(new Timeout(Duration.ofSeconds(10)))) {
                    throw new IllegalStateException("Stormpot did not shut down: a claimed object was never released");
                }
            }
        }
    }

    FakeConnection newConnection() {
        return new FakeConnection(ids.incrementAndGet());
    }

    private GenericObjectPool<FakeConnection> commonsPool() {
        GenericObjectPoolConfig<FakeConnection> config = new GenericObjectPoolConfig<>();
        config.setMaxTotal(POOL_SIZE);
        config.setMaxIdle(POOL_SIZE);
        config.setJmxEnabled(false);
        return new GenericObjectPool<>(new BasePooledObjectFactory<>() {
            @Override
            public FakeConnection create() {
                return newConnection();
            }

            @Override
            public PooledObject<FakeConnection> wrap(FakeConnection connection) {
                return new DefaultPooledObject<>(connection);
            }
        }, config);
    }

    @Benchmark
    @Threads(1)
    public int claimRelease_1thread() throws Exception {
        return claimRelease();
    }

    @Benchmark
    @Threads(2)
    public int claimRelease_2threads() throws Exception {
        return claimRelease();
    }

    /** Claims an object, reads its id (the "work"), gives it back; each pool in its own idiom. */
    private int claimRelease() throws Exception {
        return switch (impl) {
            case BARE_QUEUE -> {
                FakeConnection c = bare.poll();
                int id = c.id();
                bare.offer(c);
                yield id;
            }
            case WIRELAB -> {
                try (Lease<FakeConnection> lease = wirelab.acquire(WAIT)) {
                    yield lease.get().id();
                }
            }
            case COMMONS_POOL2 -> {
                FakeConnection c = commons.borrowObject(WAIT);
                try {
                    yield c.id();
                } finally {
                    commons.returnObject(c);
                }
            }
            case STORMPOT -> {
                Pooled<FakeConnection> pooled = stormpotPool.claim(stormpotWait);
                try {
                    yield pooled.getObject().id();
                } finally {
                    pooled.release();
                }
            }
        };
    }

    /** Stormpot asks for Poolables; {@link Pooled} wraps any object with its slot. */
    private record StormpotAllocator(PoolBenchmark bench) implements Allocator<Pooled<FakeConnection>> {
        @Override
        public Pooled<FakeConnection> allocate(Slot slot) {
            return new Pooled<>(slot, bench.newConnection());
        }

        @Override
        public void deallocate(Pooled<FakeConnection> pooled) {
        }
    }
}
