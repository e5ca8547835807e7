package dev.wirelab.core.flow;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The part the two queue handoffs share: one consumer thread that takes items off a
 * {@link BlockingQueue} until told to finish and the queue is empty.
 */
abstract sealed class QueueHandoff<T> implements Handoff<T> permits BoundedHandoff, UnboundedHandoff {

    /** How long the consumer waits for an item before it looks at the finish flag again. */
    private static final long POLL_MILLIS = 5;

    protected final BlockingQueue<T> queue;
    private volatile boolean finishing;
    private Thread consumerThread;

    QueueHandoff(BlockingQueue<T> queue) {
        this.queue = queue;
    }

    @Override
    public void start(Consumer<? super T> consumer) {
        consumerThread = Thread.ofPlatform().name("handoff-consumer").daemon(true).start(() -> consume(consumer));
    }

    private void consume(Consumer<? super T> consumer) {
        try {
            while (true) {
                T item = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (item != null) {
                    consumer.accept(item);
                } else if (finishing) {
                    return; // told to finish, and the queue stayed empty for a whole poll
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // finish() timed out and is stopping us
        }
    }

    @Override
    public int depth() {
        return queue.size();
    }

    @Override
    public boolean finish(Duration timeout) throws InterruptedException {
        finishing = true;
        if (!consumerThread.join(timeout)) {
            consumerThread.interrupt();
            return false;
        }
        return queue.isEmpty();
    }
}
