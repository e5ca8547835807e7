package dev.wirelab.core.flow;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * APPROACH 2: the JDK's reactive-streams pair, {@link SubmissionPublisher} and a
 * {@link Flow.Subscriber} that signals demand. The subscriber asks for one item at a time
 * ({@code request(1)}) and the publisher buffers at most {@code capacity} undelivered items
 * per subscriber; {@code submit} blocks while that buffer is full. Backpressure here is a
 * <em>protocol</em> (demand flows upstream) rather than a property of a queue, which is
 * what lets it cross process boundaries in Reactor, RxJava or Akka Streams.
 *
 * <p>Two details the JDK decides: the buffer capacity is rounded up to a power of two (so
 * {@link #capacity()} may be larger than asked), and {@code onNext} runs on the publisher's
 * executor; this class gives it a single thread of its own, so a slow consumer does not
 * occupy the common {@code ForkJoinPool}.
 */
public final class PublisherHandoff<T> implements Handoff<T> {

    private final ExecutorService executor =
            Executors.newSingleThreadExecutor(Thread.ofPlatform().name("publisher-consumer").daemon(true).factory());
    private final SubmissionPublisher<T> publisher;
    private final CountDownLatch completed = new CountDownLatch(1);

    public PublisherHandoff(int capacity) {
        this.publisher = new SubmissionPublisher<>(executor, capacity);
    }

    @Override
    public void start(Consumer<? super T> consumer) {
        publisher.subscribe(new Flow.Subscriber<T>() {
            private Flow.Subscription subscription;

            @Override
            public void onSubscribe(Flow.Subscription s) {
                subscription = s;
                s.request(1); // demand: "I can take one item"
            }

            @Override
            public void onNext(T item) {
                consumer.accept(item);
                subscription.request(1); // done with it: ask for the next
            }

            @Override
            public void onError(Throwable failure) {
                completed.countDown();
            }

            @Override
            public void onComplete() {
                completed.countDown();
            }
        });
    }

    @Override
    public void send(T item) {
        publisher.submit(item); // blocks while this subscriber's buffer is full
    }

    @Override
    public int depth() {
        return publisher.estimateMaximumLag();
    }

    @Override
    public int capacity() {
        return publisher.getMaxBufferCapacity();
    }

    @Override
    public boolean finish(Duration timeout) throws InterruptedException {
        publisher.close(); // onComplete follows once the buffered items are delivered
        boolean drained = completed.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        executor.shutdownNow();
        return drained;
    }

    @Override
    public String describe() {
        return "SubmissionPublisher(" + capacity() + ") + request(1)";
    }
}
