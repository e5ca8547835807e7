package dev.wirelab.core.flow;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * A channel from one producer thread to one consumer: the thing whose buffer either pushes
 * back on the producer or does not.
 *
 * <p>Three implementations, one per approach of the lesson in {@link BackpressureExperiment}:
 * {@link BoundedHandoff} ({@code ArrayBlockingQueue.put} blocks when full),
 * {@link PublisherHandoff} ({@code SubmissionPublisher.submit} blocks when the subscriber's
 * buffer is full, and the subscriber asks for items one at a time) and
 * {@link UnboundedHandoff} ({@code LinkedBlockingQueue} never says no).
 *
 * @param <T> the item type
 */
public interface Handoff<T> {

    /** Starts delivering items, in order, to {@code consumer} on a thread the handoff owns. */
    void start(Consumer<? super T> consumer);

    /**
     * Hands one item to the consumer side. A bounded handoff blocks here while its buffer is
     * full: that wait <em>is</em> the backpressure, the producer slowed to the consumer's pace.
     */
    void send(T item) throws InterruptedException;

    /**
     * Items sent but not yet delivered, as the buffer itself reports it (an estimate while both
     * sides run). A queue counts only what waits in it; {@code SubmissionPublisher}'s lag also
     * counts the item its subscriber is still working on, so it may read one above capacity.
     */
    int depth();

    /** The most items the buffer holds, or {@link Integer#MAX_VALUE} for "no limit". */
    int capacity();

    /**
     * No more items will be sent: deliver what is buffered, then stop the consumer thread.
     *
     * @return true if everything was delivered within {@code timeout}
     */
    boolean finish(Duration timeout) throws InterruptedException;

    /** A short name for tables ("bounded ArrayBlockingQueue(64)"). */
    String describe();
}
