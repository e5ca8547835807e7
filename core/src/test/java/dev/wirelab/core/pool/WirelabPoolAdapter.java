package dev.wirelab.core.pool;

import java.time.Duration;
import java.util.Optional;

/** {@link PoolUnderTest} over the lab's own {@link Pool}. */
final class WirelabPoolAdapter implements PoolUnderTest {

    private final Pool<Resource> pool;

    WirelabPoolAdapter(ResourceFactory factory, int maxSize) {
        this.pool = new Pool<>("contract", maxSize, new Pool.Factory<>() {
            @Override
            public Resource create() throws Exception {
                return factory.create();
            }

            @Override
            public boolean validate(Resource r) {
                return factory.validate(r);
            }

            @Override
            public void destroy(Resource r) {
                factory.destroy(r);
            }
        });
    }

    @Override
    public Optional<Borrowed> claim(Duration timeout) throws InterruptedException {
        try {
            Lease<Resource> lease = pool.acquire(timeout);
            return Optional.of(new Borrowed() {
                @Override
                public Resource resource() {
                    return lease.get();
                }

                @Override
                public void release() {
                    lease.close();
                }

                @Override
                public void releaseBroken() {
                    lease.markBroken();
                    lease.close();
                }
            });
        } catch (PoolTimeoutException e) {
            return Optional.empty();
        }
    }

    @Override
    public void shutdown() {
        pool.close();
    }
}
