package dev.wirelab.core.pool;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The thing the pool tests pool: a stand-in for a connection that knows who it is, whether it
 * was destroyed, and whether someone is using it right now (so a test can catch two holders
 * sharing one object).
 */
final class Resource {

    final int id;
    final AtomicBoolean destroyed = new AtomicBoolean();
    final AtomicBoolean inUse = new AtomicBoolean();
    volatile boolean valid = true;

    Resource(int id) {
        this.id = id;
    }

    @Override
    public String toString() {
        return "Resource#" + id + (destroyed.get() ? " (destroyed)" : "");
    }
}
