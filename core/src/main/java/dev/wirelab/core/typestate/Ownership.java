package dev.wirelab.core.typestate;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Run-time stand-in for Rust's move semantics: a state handle is consumed exactly once.
 *
 * <p>Every transition calls {@link #take(String)} first. The first caller wins the
 * compare-and-set; a second call, from this thread or any other, fails with a message
 * that says which operation consumed the handle and which handle to use instead. Every
 * other operation on a state calls {@link #check()} so a stale handle cannot be used
 * quietly after its successor exists.
 *
 * <p><b>Guarantee:</b> lock-free (one CAS). <b>Ordering:</b> the CAS is a volatile
 * read-modify-write, so a thread that sees the handle consumed also sees everything the
 * consuming thread did before it.
 */
final class Ownership {

    private final String state;
    private final AtomicReference<String> consumedBy = new AtomicReference<>();
    private volatile String successor = "";

    Ownership(String state) {
        this.state = state;
    }

    /** Marks the handle consumed by {@code operation}, e.g. {@code "login()"}; throws if it already was. */
    void take(String operation) {
        if (!consumedBy.compareAndSet(null, operation)) {
            throw reused();
        }
    }

    /** Records what the caller should use instead, for the message a stale use will get. */
    void handedOver(String useInstead) {
        successor = useInstead;
    }

    /** Throws if a transition already consumed this handle. */
    void check() {
        if (consumedBy.get() != null) {
            throw reused();
        }
    }

    private IllegalStateException reused() {
        String hint = successor.isEmpty() ? "" : "; " + successor;
        return new IllegalStateException(
                "this " + state + " connection was consumed by " + consumedBy.get() + hint);
    }
}
