package dev.wirelab.core.flow;

import java.util.concurrent.ArrayBlockingQueue;

/**
 * APPROACH 1: a fixed-size {@link ArrayBlockingQueue}, filled with {@code put}, which blocks
 * the producer while the queue is full. This is the article's
 * {@code tokio::sync::mpsc::channel(1024)} and its {@code send().await} in Java: memory is
 * bounded by {@code capacity} items, and the time an item waits is bounded by
 * {@code capacity / consumer rate}.
 *
 * <p><b>Guarantee:</b> blocking, by design. <b>Ordering:</b> {@code put} happens-before the
 * {@code take} that removes the item, so the consumer sees the item fully built.
 */
public final class BoundedHandoff<T> extends QueueHandoff<T> {

    private final int capacity;

    public BoundedHandoff(int capacity) {
        super(new ArrayBlockingQueue<>(capacity));
        this.capacity = capacity;
    }

    @Override
    public void send(T item) throws InterruptedException {
        queue.put(item); // full? wait here: the producer now runs at the consumer's pace
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public String describe() {
        return "bounded ArrayBlockingQueue(" + capacity + ")";
    }
}
