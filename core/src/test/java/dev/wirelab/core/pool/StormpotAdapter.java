package dev.wirelab.core.pool;

import java.time.Duration;
import java.util.Optional;

import stormpot.Allocator;
import stormpot.Pool;
import stormpot.PoolTap;
import stormpot.Pooled;
import stormpot.Slot;
import stormpot.Timeout;

/**
 * {@link PoolUnderTest} over Stormpot. Differences worth seeing: a background thread
 * allocates objects ahead of demand (the pool fills to its size at start), a timeout returns
 * {@code null}, a broken object is {@code expire()}d then released, validation is an
 * {@code Expiration} checked at claim, and virtual threads should use
 * {@link Pool#getVirtualThreadSafeTap()}, which avoids thread-locals.
 */
final class StormpotAdapter implements PoolUnderTest {

    private final Pool<Pooled<Resource>> pool;
    private final PoolTap<Pooled<Resource>> virtualTap;

    StormpotAdapter(ResourceFactory factory, int maxSize) {
        Allocator<Pooled<Resource>> allocator = new Allocator<>() {
            @Override
            public Pooled<Resource> allocate(Slot slot) throws Exception {
                return new Pooled<>(slot, factory.create());
            }

            @Override
            public void deallocate(Pooled<Resource> pooled) {
                factory.destroy(pooled.getObject());
            }
        };
        this.pool = Pool.from(allocator)
                .setSize(maxSize)
                .setExpiration(info -> !factory.validate(info.getPoolable().getObject()))
                .build();
        this.virtualTap = pool.getVirtualThreadSafeTap();
    }

    @Override
    public Optional<Borrowed> claim(Duration timeout) throws InterruptedException {
        PoolTap<Pooled<Resource>> tap = Thread.currentThread().isVirtual() ? virtualTap : pool;
        Pooled<Resource> pooled = tap.claim(new Timeout(timeout));
        if (pooled == null) {
            return Optional.empty();
        }
        return Optional.of(new Borrowed() {
            @Override
            public Resource resource() {
                return pooled.getObject();
            }

            @Override
            public void release() {
                pooled.release();
            }

            @Override
            public void releaseBroken() {
                pooled.expire();
                pooled.release();
            }
        });
    }

    @Override
    public void shutdown() throws InterruptedException {
        // Shutdown completes only when every claimed object was released: a leak shows up here.
        if (!pool.shutdown().await(new Timeout(Duration.ofSeconds(10)))) {
            throw new IllegalStateException("Stormpot pool did not shut down in 10 s: a claimed object was never released");
        }
    }
}
