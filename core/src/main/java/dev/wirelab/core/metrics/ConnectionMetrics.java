package dev.wirelab.core.metrics;

/**
 * The counters every echo server keeps, in one bundle, so every variant reports the same
 * things the same way.
 *
 * <pre>{@code
 * metrics.accepted().increment();
 * try (var in = metrics.active().enter()) {   // "active" can never leak
 *     ... serve the connection ...
 * }
 * }</pre>
 */
public final class ConnectionMetrics {

    private final Counter accepted = new Counter();
    private final Counter refused = new Counter();
    private final Counter closed = new Counter();
    private final Counter idleTimeouts = new Counter();
    private final Counter errors = new Counter();
    private final Counter bytesRead = new Counter();
    private final Counter bytesWritten = new Counter();
    private final Gauge active = new Gauge();

    /** Connections the server took on (not counting refused ones). */
    public Counter accepted() {
        return accepted;
    }

    /** Connections closed at once because {@code maxConnections} were already open. */
    public Counter refused() {
        return refused;
    }

    /** Accepted connections that have ended, for any reason. */
    public Counter closed() {
        return closed;
    }

    /** Connections the server closed because the peer was silent past the idle timeout. */
    public Counter idleTimeouts() {
        return idleTimeouts;
    }

    /** Connections that ended with an I/O error (reset, broken pipe) or a handler failure. */
    public Counter errors() {
        return errors;
    }

    public Counter bytesRead() {
        return bytesRead;
    }

    public Counter bytesWritten() {
        return bytesWritten;
    }

    /** Connections open now; its high-water mark is the most that were open at once. */
    public Gauge active() {
        return active;
    }

    public Snapshot snapshot() {
        return new Snapshot(accepted.get(), refused.get(), closed.get(), idleTimeouts.get(), errors.get(),
                active.get(), active.highWaterMark(), bytesRead.get(), bytesWritten.get());
    }

    /** The counters at one moment; each field is read once, so fields may be microseconds apart. */
    public record Snapshot(long accepted, long refused, long closed, long idleTimeouts, long errors,
                           long active, long peakActive, long bytesRead, long bytesWritten) {
    }
}
