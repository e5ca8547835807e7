package exercises.state;

/* Reference solution for sealed-state: one switch, patterns with guards, no default. */
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
        if (event instanceof PeerClosed) {
            return new Closed();
        }
        return switch (state) {
            case Idle i when event instanceof RequestStarted -> new ReadingHead();
            case ReadingHead h when event instanceof HeadDone(long length) -> length > 0 ? new ReadingBody(length) : new Idle();
            case ReadingBody(long remaining) when event instanceof BodyBytes(long count) ->
                    count < remaining ? new ReadingBody(remaining - count) : count == remaining ? new Idle() : new Closed();
            case Idle i -> new Closed();
            case ReadingHead h -> new Closed();
            case ReadingBody b -> new Closed();
            case Closed c -> c;
        };
    }
}
