package exercises.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import exercises.state.RequestState.BodyBytes;
import exercises.state.RequestState.Closed;
import exercises.state.RequestState.Event;
import exercises.state.RequestState.HeadDone;
import exercises.state.RequestState.Idle;
import exercises.state.RequestState.PeerClosed;
import exercises.state.RequestState.ReadingBody;
import exercises.state.RequestState.ReadingHead;
import exercises.state.RequestState.RequestStarted;
import exercises.state.RequestState.State;
import org.junit.jupiter.api.Test;

// The tests of exercise sealed-state. Do not change this file: lab check runs it as it is.
class RequestStateTest {

    private static State run(State start, Event... events) {
        State s = start;
        for (Event e : events) {
            s = RequestState.next(s, e);
        }
        return s;
    }

    /** A request with a body goes head, body, and back to idle for the next request. */
    @Test
    void requestWithBodyReturnsToIdle() {
        assertEquals(new ReadingHead(), run(new Idle(), new RequestStarted()));
        assertEquals(new ReadingBody(10), run(new Idle(), new RequestStarted(), new HeadDone(10)));
        assertEquals(new ReadingBody(4), run(new Idle(), new RequestStarted(), new HeadDone(10), new BodyBytes(6)));
        assertEquals(new Idle(), run(new Idle(), new RequestStarted(), new HeadDone(10), new BodyBytes(6), new BodyBytes(4)));
    }

    /** A request without a body is done when its head is. */
    @Test
    void requestWithoutBodyIsDoneAfterTheHead() {
        assertEquals(new Idle(), run(new Idle(), new RequestStarted(), new HeadDone(0)));
    }

    /** More body than the head announced is a protocol error: close. */
    @Test
    void tooMuchBodyCloses() {
        assertEquals(new Closed(), run(new ReadingBody(3), new BodyBytes(4)));
    }

    /** The peer may close in any state. */
    @Test
    void peerCloseClosesFromEveryState() {
        for (State s : List.of(new Idle(), new ReadingHead(), new ReadingBody(5), new Closed())) {
            assertEquals(new Closed(), RequestState.next(s, new PeerClosed()), "from " + s);
        }
    }

    /** An event that makes no sense in a state closes the connection; closed stays closed. */
    @Test
    void unexpectedEventsClose() {
        assertEquals(new Closed(), RequestState.next(new Idle(), new BodyBytes(1)));
        assertEquals(new Closed(), RequestState.next(new Idle(), new HeadDone(1)));
        assertEquals(new Closed(), RequestState.next(new ReadingHead(), new RequestStarted()));
        assertEquals(new Closed(), RequestState.next(new ReadingHead(), new BodyBytes(1)));
        assertEquals(new Closed(), RequestState.next(new ReadingBody(2), new RequestStarted()));
        assertEquals(new Closed(), RequestState.next(new ReadingBody(2), new HeadDone(2)));
        for (Event e : List.of(new RequestStarted(), new HeadDone(0), new BodyBytes(0))) {
            assertEquals(new Closed(), RequestState.next(new Closed(), e), "closed + " + e);
        }
    }

    /** Two requests in a row on one connection (keep-alive). */
    @Test
    void keepAliveServesTwoRequests() {
        State s = run(new Idle(), new RequestStarted(), new HeadDone(2), new BodyBytes(2),
                new RequestStarted(), new HeadDone(0), new RequestStarted());
        assertEquals(new ReadingHead(), s);
    }
}
