package exercises.gauge;

import dev.wirelab.core.metrics.Gauge;

/*
 * Exercise gauge-guard: keep the "requests in flight" gauge right on every exit path.
 *
 * A gauge goes up when a request starts and down when it ends. The classic bug is the
 * increment at the top and the decrement at the bottom:
 *
 *     active.increment();
 *     if (request.isEmpty()) return "EMPTY";       // leaks one: the gauge never comes down
 *     String reply = backend.call(request);        // throws: leaks one
 *     active.decrement();
 *
 * After a day in production the dashboard says 40,000 requests in flight on an idle server.
 * wirelab's Gauge has no decrement at all: enter() returns a Guard, and closing the guard
 * counts out, exactly once. In a try-with-resources the close happens on every path: normal
 * return, early return, exception.
 *
 * The rules of handle():
 *   - "PING" answers "PONG" without calling the backend
 *   - an empty request answers "EMPTY" without calling the backend
 *   - anything else answers what backend.call(request) returns; its exceptions go to the caller
 *   - the gauge counts the request in flight for the whole time, in every case
 */
public final class RequestHandler {

    /** The slow part of a request. */
    public interface Backend {
        String call(String request) throws Exception;
    }

    private final Gauge active;
    private final Backend backend;

    public RequestHandler(Gauge active, Backend backend) {
        this.active = active;
        this.backend = backend;
    }

    public String handle(String request) throws Exception {
        // TODO: enter the gauge in a try-with-resources, then apply the rules above inside it.
        throw new UnsupportedOperationException("gauge-guard: handle is not written yet (run: lab hint gauge-guard)");
    }
}
