package dev.wirelab.core.pool;

import java.time.Duration;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.apache.commons.pool2.BasePooledObjectFactory;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.impl.DefaultPooledObject;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;

/**
 * {@link PoolUnderTest} over Apache commons-pool2's {@link GenericObjectPool}, the pool behind
 * Jedis and DBCP. Differences worth seeing: it lends the raw object, so the caller must hand
 * it back with {@code returnObject} or {@code invalidateObject} (no guard), and a timeout is a
 * {@link NoSuchElementException}.
 */
final class CommonsPool2Adapter implements PoolUnderTest {

    private final GenericObjectPool<Resource> pool;

    CommonsPool2Adapter(ResourceFactory factory, int maxSize) {
        GenericObjectPoolConfig<Resource> config = new GenericObjectPoolConfig<>();
        config.setMaxTotal(maxSize);
        config.setMaxIdle(maxSize);
        config.setTestOnBorrow(true);       // validate an idle object before lending it
        config.setBlockWhenExhausted(true); // wait (up to the timeout) rather than fail at once
        config.setJmxEnabled(false);        // tests build many pools; keep them out of JMX
        this.pool = new GenericObjectPool<>(new BasePooledObjectFactory<>() {
            @Override
            public Resource create() throws Exception {
                return factory.create();
            }

            @Override
            public PooledObject<Resource> wrap(Resource r) {
                return new DefaultPooledObject<>(r);
            }

            @Override
            public boolean validateObject(PooledObject<Resource> p) {
                return factory.validate(p.getObject());
            }

            @Override
            public void destroyObject(PooledObject<Resource> p) {
                factory.destroy(p.getObject());
            }
        }, config);
    }

    @Override
    public Optional<Borrowed> claim(Duration timeout) throws Exception {
        Resource r;
        try {
            r = pool.borrowObject(timeout);
        } catch (NoSuchElementException e) {
            return Optional.empty();
        }
        return Optional.of(new Borrowed() {
            @Override
            public Resource resource() {
                return r;
            }

            @Override
            public void release() {
                pool.returnObject(r);
            }

            @Override
            public void releaseBroken() {
                try {
                    pool.invalidateObject(r);
                } catch (Exception e) {
                    throw new IllegalStateException("commons-pool2 could not invalidate " + r, e);
                }
            }
        });
    }

    @Override
    public void shutdown() {
        pool.close();
    }
}
