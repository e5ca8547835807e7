package dev.wirelab.core.protocol;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.wirelab.core.metrics.ConnectionMetrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpRoutesTest {

    private final ConnectionMetrics metrics = new ConnectionMetrics();
    private final Protocol.Sessions sessions = Protocol.HTTP.sessions(metrics);

    private static String exchange(Session session, String request) {
        Outgoing out = new Outgoing();
        session.onInput(ByteBuffer.wrap(request.getBytes(StandardCharsets.ISO_8859_1)), out);
        String reply = new String(out.toByteArray(), StandardCharsets.ISO_8859_1);
        out.clear();
        return reply;
    }

    @Test
    void answersPlaintextInTheTechEmpowerShape() {
        String reply = exchange(sessions.open("p"), "GET /plaintext HTTP/1.1\r\nHost: h\r\n\r\n");

        assertTrue(reply.matches("HTTP/1\\.1 200 OK\r\nServer: wirelab\r\nDate: \\w{3}, \\d{2} \\w{3} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT\r\n"
                + "Content-Type: text/plain\r\nContent-Length: 13\r\nConnection: keep-alive\r\n\r\nHello, World!"), reply);
    }

    @Test
    void echoesABodyOfEitherFramingAndSendsLargeBodiesFromTheirOwnBuffer() {
        Session session = sessions.open("p");
        assertTrue(exchange(session, "POST /echo HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nabc").endsWith("\r\n\r\nabc"));
        assertTrue(exchange(session, "POST /echo HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nxy\r\n0\r\n\r\n")
                .endsWith("Content-Length: 2\r\nConnection: keep-alive\r\n\r\nxy"));

        String big = "z".repeat(HttpResponseWriter.SEPARATE_BODY_BYTES);
        Outgoing out = new Outgoing();
        session.onInput(ByteBuffer.wrap(("POST /echo HTTP/1.1\r\nHost: h\r\nContent-Length: " + big.length() + "\r\n\r\n" + big
                + "GET /nowhere HTTP/1.1\r\nHost: h\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1)), out);

        assertEquals(3, out.count(), "head, the body from its own buffer, then the next response's head");
        assertEquals(big, StandardCharsets.ISO_8859_1.decode(out.get(1).duplicate()).toString());
        assertTrue(new String(out.toByteArray(), StandardCharsets.ISO_8859_1).endsWith("no route for GET /nowhere\n"));
    }

    /** The typestate lesson in a live protocol: data only for the connection that logged in. */
    @Test
    void servesDataOnlyToTheConnectionThatLoggedIn() {
        Session alice = sessions.open("a");
        Session other = sessions.open("b");
        assertTrue(exchange(alice, "GET /data HTTP/1.1\r\nHost: h\r\n\r\n").startsWith("HTTP/1.1 401 "));
        assertTrue(exchange(alice, login("nope")).startsWith("HTTP/1.1 401 "));

        assertTrue(exchange(alice, login(HttpRoutes.DEMO_PASSWORD)).startsWith("HTTP/1.1 200 "));

        assertTrue(exchange(alice, "GET /data HTTP/1.1\r\nHost: h\r\n\r\n").contains("data for student"));
        assertTrue(exchange(other, "GET /data HTTP/1.1\r\nHost: h\r\n\r\n").startsWith("HTTP/1.1 401 "));
        assertTrue(exchange(alice, login(HttpRoutes.DEMO_PASSWORD)).startsWith("HTTP/1.1 409 "));
    }

    @Test
    void locksAConnectionOutAfterThreeBadLogins() {
        Session session = sessions.open("p");
        exchange(session, login("a"));
        exchange(session, login("b"));

        assertTrue(exchange(session, login("c")).startsWith("HTTP/1.1 403 "));
        assertTrue(exchange(session, login(HttpRoutes.DEMO_PASSWORD)).startsWith("HTTP/1.1 403 "));
    }

    @Test
    void reportsTheServersMetrics() {
        metrics.accepted().add(7);

        assertTrue(exchange(sessions.open("p"), "GET /metrics HTTP/1.1\r\nHost: h\r\n\r\n").contains("\r\n\r\naccepted 7\nrefused 0\n"));
    }

    @Test
    void closesAfterConnectionCloseOrAMalformedRequest() {
        Session polite = sessions.open("p");
        assertTrue(exchange(polite, "GET /plaintext HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n").contains("Connection: close"));
        assertTrue(polite.closeAfterOutput());

        Session broken = sessions.open("p");
        assertTrue(exchange(broken, "GET /plaintext HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n")
                .startsWith("HTTP/1.1 400 "));
        assertTrue(broken.closeAfterOutput());
    }

    /** The echo protocol forwards its input buffer itself: no copy for the transport to make. */
    @Test
    void echoForwardsItsInputBuffer() {
        Session echo = Protocol.ECHO.sessions(metrics).open("p");
        ByteBuffer in = ByteBuffer.wrap(new byte[] {1, 2, 3});
        Outgoing out = new Outgoing();

        echo.onInput(in, out);

        assertTrue(out.forwards(in));
        assertSame(in, out.get(0));
        assertFalse(echo.closeAfterOutput());
    }

    /**
     * The benchmark route allocates nothing per request once warm: 20,000 pipelined GETs,
     * sixteen per input as wrk's pipeline script sends them, cost under 2 B each.
     */
    @Test
    void allocatesNothingPerPlaintextRequest() {
        Session session = sessions.open("p");
        ByteBuffer sixteen = ByteBuffer.wrap("GET /plaintext HTTP/1.1\r\nHost: localhost\r\n\r\n".repeat(16)
                .getBytes(StandardCharsets.ISO_8859_1));
        Outgoing out = new Outgoing();
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().threadId();
        int rounds = 1_250;

        serve(session, sixteen, out, rounds * 4); // warm-up: let the JIT compile (and inline) the path
        long before = threads.getThreadAllocatedBytes(thread);
        serve(session, sixteen, out, rounds);
        long allocated = threads.getThreadAllocatedBytes(thread) - before;

        double perRequest = (double) allocated / (rounds * 16);
        assertTrue(perRequest < 2.0, allocated + " B for " + rounds * 16 + " requests (" + perRequest + " B each)");
    }

    private static void serve(Session session, ByteBuffer requests, Outgoing out, int rounds) {
        for (int i = 0; i < rounds; i++) {
            session.onInput(requests.clear(), out);
            assertEquals(16 * 156, out.remaining(), "sixteen plaintext responses of 156 B");
            out.get(0).position(out.get(0).limit()); // "sent"
            out.clear();
        }
    }

    private static String login(String password) {
        String body = "user=" + HttpRoutes.DEMO_USER + "&password=" + password;
        return "POST /login HTTP/1.1\r\nHost: h\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
    }
}
