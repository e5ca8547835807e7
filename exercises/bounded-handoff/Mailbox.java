package exercises.flow;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import dev.wirelab.core.flow.Handoff;

/*
 * Exercise bounded-handoff: a hand-off that slows the producer down instead of growing.
 *
 * A reader thread decodes requests and hands them to a worker. When the worker is slower
 * than the network, the items must wait somewhere. An unbounded queue "works" until the heap
 * is full; a queue that drops what does not fit loses requests. Backpressure is the third
 * way: a queue with a fixed capacity whose send() *blocks* while it is full, so the producer
 * runs exactly as fast as the consumer, memory stays bounded, and nothing is lost.
 *
 * This class implements wirelab's Handoff interface (the same one the lab's backpressure
 * experiment measures). The consumer side is written; you write the queue and send().
 */
public final class Mailbox<T> implements Handoff<T> {

    private final int capacity;
    private final BlockingQueue<T> queue;
    private volatile boolean finishing;
    private Thread consumer;

    public Mailbox(int capacity) {
        this.capacity = capacity;
        // TODO: this queue has no limit. Use one that holds at most `capacity` items.
        this.queue = new LinkedBlockingQueue<>();
    }

    @Override
    public void send(T item) throws InterruptedException {
        // TODO: hand the item over, waiting while the queue is full. Never drop it.
        throw new UnsupportedOperationException("bounded-handoff: send is not written yet (run: lab hint bounded-handoff)");
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
