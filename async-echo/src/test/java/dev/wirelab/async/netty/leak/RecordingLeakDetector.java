package dev.wirelab.async.netty.leak;

import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakTracker;

/**
 * Netty's leak detector, plus a record of every leak it reports, so a test can fail on one.
 *
 * <p>Netty finds leaks like this: each tracked buffer gets a weak reference; when the GC
 * collects a buffer whose reference was never closed by {@code release()}, the reference is
 * queued, and the next {@link #track} call drains the queue and reports the leak — by default
 * only as an ERROR log line, which a passing build would never notice. This subclass keeps
 * each report in {@link LeakReports} as well.
 *
 * <p>Installed through Netty's documented hook: the system property
 * {@code io.netty.customResourceLeakDetector} names this class (see async-echo's pom), and
 * Netty constructs it reflectively through the {@code (Class, int)} constructor below.
 */
public final class RecordingLeakDetector<T> extends ResourceLeakDetector<T> {

    private final String resourceType;

    public RecordingLeakDetector(Class<?> resourceType, int samplingInterval) {
        super(resourceType, samplingInterval);
        this.resourceType = resourceType.getSimpleName();
    }

    @Override
    public ResourceLeakTracker<T> track(T resource) {
        LeakReports.trackedOne(resourceType);
        return super.track(resource);
    }

    @Override
    protected boolean needReport() {
        // Report whatever the logging setup says: a muted logger must not mute the tests.
        return true;
    }

    @Override
    protected void reportTracedLeak(String type, String records) {
        LeakReports.add("LEAK: " + type + " was garbage-collected without release(); its last accesses:" + records);
        super.reportTracedLeak(type, records);
    }

    @Override
    protected void reportUntracedLeak(String type) {
        LeakReports.add("LEAK: " + type + " was garbage-collected without release() (no access records)");
        super.reportUntracedLeak(type);
    }
}
