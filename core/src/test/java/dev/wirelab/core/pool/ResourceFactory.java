package dev.wirelab.core.pool;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import dev.wirelab.core.metrics.HighWaterMark;

/**
 * Makes {@link Resource}s for every pool under test, counts what happened, and can be told to
 * fail, the way a database refuses connections while it restarts.
 */
final class ResourceFactory {

    private final AtomicInteger created = new AtomicInteger();
    private final AtomicInteger destroyed = new AtomicInteger();
    private final AtomicInteger live = new AtomicInteger();
    private final HighWaterMark peakLive = new HighWaterMark();
    private volatile boolean failing;

    Resource create() throws IOException {
        if (failing) {
            throw new IOException("connection refused (the test told the factory to fail)");
        }
        peakLive.observe(live.incrementAndGet());
        return new Resource(created.incrementAndGet());
    }

    boolean validate(Resource r) {
        return r.valid && !r.destroyed.get();
    }

    void destroy(Resource r) {
        if (r.destroyed.compareAndSet(false, true)) {
            live.decrementAndGet();
            destroyed.incrementAndGet();
        }
    }

    void setFailing(boolean failing) {
        this.failing = failing;
    }

    int created() {
        return created.get();
    }

    int destroyed() {
        return destroyed.get();
    }

    /** The most resources that were alive (created, not yet destroyed) at any one time. */
    long peakLive() {
        return peakLive.get();
    }
}
