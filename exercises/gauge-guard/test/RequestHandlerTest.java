package exercises.gauge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.wirelab.core.metrics.Gauge;
import org.junit.jupiter.api.Test;

// The tests of exercise gauge-guard. Do not change this file: lab check runs it as it is.
class RequestHandlerTest {

    private final Gauge active = new Gauge();
    private final List<Long> seenByBackend = new ArrayList<>();

    private RequestHandler handler(RequestHandler.Backend inner) {
        return new RequestHandler(active, request -> {
            seenByBackend.add(active.get());
            return inner.call(request);
        });
    }

    /** While the backend works, the request counts as in flight; afterwards it does not. */
    @Test
    void countsTheRequestWhileItRuns() throws Exception {
        assertEquals("echo:x", handler(r -> "echo:" + r).handle("x"));
        assertEquals(List.of(1L), seenByBackend, "the gauge must read 1 while the backend runs");
        assertEquals(0, active.get());
    }

    /** The early returns answer without the backend and still count out. */
    @Test
    void earlyReturnsCountOut() throws Exception {
        RequestHandler h = handler(r -> "backend");
        assertEquals("PONG", h.handle("PING"));
        assertEquals("EMPTY", h.handle(""));
        assertEquals(List.of(), seenByBackend, "PING and the empty request must not reach the backend");
        assertEquals(0, active.get(), "an early return leaked the gauge");
        assertEquals(1, active.highWaterMark(), "the early returns must count the request in flight too");
    }

    /** A backend exception reaches the caller, and the gauge still comes down. */
    @Test
    void exceptionsCountOut() {
        RequestHandler h = handler(r -> {
            throw new IllegalStateException("backend down");
        });
        for (int i = 0; i < 3; i++) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> h.handle("q"));
            assertEquals("backend down", e.getMessage());
        }
        assertEquals(0, active.get(), "an exception leaked the gauge");
    }

    /** Eight concurrent requests read eight at their peak and zero afterwards. */
    @Test
    void concurrentRequestsAddUp() throws Exception {
        CountDownLatch allIn = new CountDownLatch(8);
        RequestHandler h = new RequestHandler(active, r -> {
            allIn.countDown();
            allIn.await();
            return r;
        });
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> replies = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String request = "r" + i;
                replies.add(pool.submit(() -> h.handle(request)));
            }
            for (int i = 0; i < 8; i++) {
                assertEquals("r" + i, replies.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(8, active.highWaterMark());
        assertEquals(0, active.get());
    }
}
