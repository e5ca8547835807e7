package exercises.gauge;

import dev.wirelab.core.metrics.Gauge;

/* Reference solution for gauge-guard: the guard's close runs on every way out of the block. */
public final class RequestHandler {

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
        try (Gauge.Guard inFlight = active.enter()) {
            if (request.equals("PING")) {
                return "PONG";
            }
            if (request.isEmpty()) {
                return "EMPTY";
            }
            return backend.call(request);
        }
    }
}
