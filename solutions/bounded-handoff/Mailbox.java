package exercises.flow;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import dev.wirelab.core.flow.Handoff;

/* Reference solution for bounded-handoff: ArrayBlockingQueue(capacity) and put(), which waits while full. */
public final class Mailbox<T> implements Handoff<T> {

    private final int capacity;
    private final BlockingQueue<T> queue;
    private volatile boolean finishing;
    private Thread consumer;

    public Mailbox(int capacity) {
        this.capacity = capacity;
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    @Override
    public void send(T item) throws InterruptedException {
        queue.put(item);
    }

    @Override
    public void start(Consumer<? super T> sink) {
        consumer = Thread.ofPlatform().name("mailbox-consumer").daemon(true).start(() -> {
            try {
                while (true) {
                    T item = queue.poll(5, TimeUnit.MILLISECONDS);
                    if (item != null) {
                        sink.accept(item);
                    } else if (finishing) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @Override
    public int depth() {
        return queue.size();
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public boolean finish(Duration timeout) throws InterruptedException {
        finishing = true;
        if (!consumer.join(timeout)) {
            consumer.interrupt();
            return false;
        }
        return queue.isEmpty();
    }

    @Override
    public String describe() {
        return "mailbox(" + capacity + ")";
    }
}
