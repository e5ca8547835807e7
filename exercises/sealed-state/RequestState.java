package exercises.state;

/*
 * Exercise sealed-state: a connection's protocol state machine as sealed types and one
 * exhaustive switch.
 *
 * An HTTP/1.1 connection alternates: wait for a request, read its head, read its body (if it
 * has one), and again; it may close at any time. The states and the events are sealed, so
 * the compiler knows every case: a switch over them needs no default, and when someone adds
 * a state later, every switch that forgot it stops compiling. That is the point: write next()
 * WITHOUT a default branch.
 *
 * The rules:
 *   Idle         + RequestStarted  -> ReadingHead
 *   ReadingHead  + HeadDone(n)     -> ReadingBody(n) when n > 0, else Idle (no body)
 *   ReadingBody(r) + BodyBytes(k)  -> ReadingBody(r - k) when k < r; Idle when k == r;
 *                                     Closed when k > r (more body than announced: a protocol error)
 *   any state    + PeerClosed      -> Closed
 *   Closed       + anything        -> Closed
 *   any other pair (an event that makes no sense in that state) -> Closed
 */
public final class RequestState {

    public sealed interface State permits Idle, ReadingHead, ReadingBody, Closed {
    }

    public record Idle() implements State {
    }

    public record ReadingHead() implements State {
    }

    /** {@code remaining}: body bytes still to come. */
    public record ReadingBody(long remaining) implements State {
    }

    public record Closed() implements State {
    }

    public sealed interface Event permits RequestStarted, HeadDone, BodyBytes, PeerClosed {
    }

    public record RequestStarted() implements Event {
    }

    /** The head is complete and announced {@code contentLength} body bytes. */
    public record HeadDone(long contentLength) implements Event {
    }

    public record BodyBytes(long count) implements Event {
    }

    public record PeerClosed() implements Event {
    }

    private RequestState() {
    }

    /** The state after {@code event} arrives in {@code state}. */
    public static State next(State state, Event event) {
        // TODO: one switch over the state (record patterns and guards welcome), no default branch.
        throw new UnsupportedOperationException("sealed-state: next is not written yet (run: lab hint sealed-state)");
    }
}
