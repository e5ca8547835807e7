package dev.wirelab.core.flow;

import java.util.concurrent.LinkedBlockingQueue;

/**
 * BASELINE: a {@link LinkedBlockingQueue} with no bound. {@code put} never blocks, so a
 * producer faster than its consumer never learns it is too fast: the queue, the heap, and
 * the time each item waits all grow for as long as the mismatch lasts, until the JVM runs
 * out of memory. This is the default you get from {@code new LinkedBlockingQueue<>()},
 * {@code Executors.newFixedThreadPool} (its work queue) and an unbounded channel.
 */
public final class UnboundedHandoff<T> extends QueueHandoff<T> {

    public UnboundedHandoff() {
        super(new LinkedBlockingQueue<>());
    }

    @Override
    public void send(T item) throws InterruptedException {
        queue.put(item); // never waits: there is always room, until there is no heap
    }

    @Override
    public int capacity() {
        return Integer.MAX_VALUE;
    }

    @Override
    public String describe() {
        return "unbounded LinkedBlockingQueue";
    }
}
