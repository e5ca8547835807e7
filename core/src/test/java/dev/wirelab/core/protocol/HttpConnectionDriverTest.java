package dev.wirelab.core.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.wirelab.core.parse.HttpLimits;
import dev.wirelab.core.protocol.HttpConnectionState.Closed;
import dev.wirelab.core.protocol.HttpConnectionState.ReadingBody;
import dev.wirelab.core.protocol.HttpConnectionState.ReadingChunked;
import dev.wirelab.core.protocol.HttpConnectionState.ReadingHeaders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpConnectionDriverTest {

    /** Answers "<method> <target> <body>" so every response shows what the handler received. */
    private static final HttpHandler ECHO = request -> HttpResponse.text(200,
            request.method() + " " + request.target() + " " + new String(request.body(), StandardCharsets.ISO_8859_1));

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static String ok(String body, String connection) {
        return "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: " + body.length()
                + "\r\nConnection: " + connection + "\r\n\r\n" + body;
    }

    @Test
    void answersAGetAndKeepsTheConnection() {
        HttpConnectionDriver driver = new HttpConnectionDriver(ECHO);

        byte[] reply = driver.onBytes(ascii("GET /hello HTTP/1.1\r\nHost: h\r\n\r\n"));

        assertEquals(ok("GET /hello ", "keep-alive"), text(reply));
        assertInstanceOf(ReadingHeaders.class, driver.state());
        assertEquals(1, driver.requestsServed());
    }

    @Test
    void closesAfterConnectionClose() {
        HttpConnectionDriver driver = new HttpConnectionDriver(ECHO);

        byte[] reply = driver.onBytes(ascii("GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n"));

        assertEquals(ok("GET / ", "close"), text(reply));
        assertEquals(new Closed(Closed.Cause.CONNECTION_CLOSE), driver.state());
    }

    /** HTTP/1.0 closes by default and persists only when it asks for keep-alive. */
    @Test
    void followsHttp10KeepAliveRules() {
        HttpConnectionDriver plain = new HttpConnectionDriver(ECHO);
        HttpConnectionDriver asking = new HttpConnectionDriver(ECHO);

        assertEquals(ok("GET / ", "close"), text(plain.onBytes(ascii("GET / HTTP/1.0\r\n\r\n"))));
        assertEquals(ok("GET / ", "keep-alive"), text(asking.onBytes(ascii("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n"))));
        assertTrue(plain.isClosed());
        assertInstanceOf(ReadingHeaders.class, asking.state());
    }

    /** RFC 9112 section 9.3.2: pipelined requests are answered in the order they arrived. */
    @Test
    void answersPipelinedRequestsInOrder() {
        HttpConnectionDriver driver = new HttpConnectionDriver(ECHO);

        byte[] reply = driver.onBytes(ascii("GET /1 HTTP/1.1\r\nHost: h\r\n\r\n"
                + "POST /2 HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nabc"
                + "PUT /3 HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nxy\r\n0\r\n\r\n"));

        assertEquals(ok("GET /1 ", "keep-alive") + ok("POST /2 abc", "keep-alive") + ok("PUT /3 xy", "keep-alive"), text(reply));
        assertEquals(3, driver.requestsServed());
    }

    @Test
    void waitsInReadingBodyUntilContentLengthBytesArrive() {
        HttpConnectionDriver driver = new HttpConnectionDriver(ECHO);

        assertEquals(0, driver.onBytes(ascii("POST /u HTTP/1.1\r\nHost: h\r\nContent-Length: 10\r\n\r\n0123")).length);
        ReadingBody reading = assertInstanceOf(ReadingBody.class, driver.state());
        assertEquals(4, reading.filled());
        assertEquals(6, reading.remaining());

        assertEquals(ok("POST /u 0123456789", "keep-alive"), text(driver.onBytes(ascii("456789"))));
    }

    @Test
    void waitsInReadingChunkedUntilTheLastChunk() {
        HttpConnectionDriver driver = new HttpConnectionDriver(ECHO);

        assertEquals(0, driver.onBytes(ascii("POST /c HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n")).length);
        ReadingChunked reading = assertInstanceOf(ReadingChunked.class, driver.state());
        assertEquals("abc", reading.body().toString(StandardCharsets.ISO_8859_1));

        assertEquals(ok("POST /c abcde", "keep-alive"), text(driver.onBytes(ascii("2;x=1\r\nde\r\n0\r\n\r\n"))));
    }

    /** HEAD gets the headers GET would get, Content-Length included, and no body. */
    @Test
    void sendsNoBodyForHead() {
        HttpConnectionDriver driver = new HttpConnectionDriver(ECHO);

        byte[] reply = driver.onBytes(ascii("HEAD /x HTTP/1.1\r\nHost: h\r\n\r\n"));

        assertEquals("HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 8\r\nConnection: keep-alive\r\n\r\n",
                text(reply));
    }

    // ---- bad input ----

    /** A malformed request gets a 400 naming the rule, Connection: close, and the connection ends. */
    @Test
    void answersMalformedRequestWith400AndCloses() {
        HttpConnectionDriver driver = new HttpConnectionDriver(ECHO);

        byte[] reply = driver.onBytes(ascii("GET / HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n"));

        String body = "Content-Length and Transfer-Encoding together are ambiguous framing (at byte 44)\n";
        assertEquals("HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body, text(reply));
        assertEquals(new Closed(Closed.Cause.MALFORMED_REQUEST), driver.state());
        assertEquals(0, driver.onBytes(ascii("GET / HTTP/1.1\r\nHost: h\r\n\r\n")).length, "a closed connection answers nothing");
    }

    /** A good request before a bad one is still answered, then the error, then close. */
    @Test
    void answersTheGoodRequestBeforeTheMalformedOne() {
        HttpConnectionDriver driver = new HttpConnectionDriver(ECHO);

        String reply = text(driver.onBytes(ascii("GET /ok HTTP/1.1\r\nHost: h\r\n\r\nGET /bad HTTP/1.1\r\nHost: h\r\n folded\r\n\r\n")));

        assertTrue(reply.startsWith(ok("GET /ok ", "keep-alive") + "HTTP/1.1 400 Bad Request\r\n"), reply);
        assertTrue(reply.endsWith("obsolete line folding is rejected (RFC 9112 section 5.2) (at byte 28)\n"), reply);
        assertTrue(driver.isClosed());
    }

    @Test
    void usesTheStatusThatMatchesTheRule() {
        assertTrue(statusLine("GET / HTTP/2.0\r\n\r\n").startsWith("HTTP/1.1 505 HTTP Version Not Supported\r\n"));
        assertTrue(statusLine("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: gzip, chunked\r\n\r\n")
                .startsWith("HTTP/1.1 501 Not Implemented\r\n"));
        assertTrue(statusLine("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 99999999999\r\n\r\n")
                .startsWith("HTTP/1.1 413 Content Too Large\r\n"));
        assertTrue(statusLine("GET /" + "a".repeat(9000) + " HTTP/1.1\r\n\r\n").startsWith("HTTP/1.1 414 URI Too Long\r\n"));
        assertTrue(statusLine("GET / HTTP/1.1\r\n" + "X: y\r\n".repeat(101) + "\r\n").startsWith("HTTP/1.1 431 Request Header Fields Too Large\r\n"));
    }

    private static String statusLine(String request) {
        return text(new HttpConnectionDriver(ECHO).onBytes(ascii(request)));
    }

    @Test
    void answers500AndClosesWhenTheHandlerThrows() {
        HttpConnectionDriver driver = new HttpConnectionDriver(request -> {
            throw new IllegalStateException("boom");
        });

        String reply = text(driver.onBytes(ascii("GET / HTTP/1.1\r\nHost: h\r\n\r\n")));

        assertEquals("HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 38\r\n"
                + "Connection: close\r\n\r\nhandler failed: IllegalStateException\n", reply);
        assertEquals(new Closed(Closed.Cause.HANDLER_FAILED), driver.state());
    }

    @Test
    void distinguishesACleanCloseFromATruncatedRequest() {
        HttpConnectionDriver clean = new HttpConnectionDriver(ECHO);
        clean.onBytes(ascii("GET / HTTP/1.1\r\nHost: h\r\n\r\n"));
        HttpConnectionDriver cut = new HttpConnectionDriver(ECHO);
        cut.onBytes(ascii("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nab"));

        assertEquals(0, clean.onEndOfInput().length);
        cut.onEndOfInput();

        assertEquals(new Closed(Closed.Cause.PEER_CLOSED), clean.state());
        assertEquals(new Closed(Closed.Cause.TRUNCATED_REQUEST), cut.state());
    }

    // ---- splitting and volume ----

    private static final String CONVERSATION = "GET /a HTTP/1.1\r\nHost: h\r\n\r\n"
            + "POST /b HTTP/1.1\r\nHost: h\r\nContent-Length: 4\r\n\r\nbody"
            + "POST /c HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n1;e=\"v\"\r\nx\r\n0\r\nT: 1\r\n\r\n"
            + "GET /d HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n";

    /** However the conversation is cut into two reads, the bytes written back are identical. */
    @Test
    void givesIdenticalOutputAtEverySplitPoint() {
        byte[] wire = ascii(CONVERSATION);
        String expected = ok("GET /a ", "keep-alive") + ok("POST /b body", "keep-alive") + ok("POST /c x", "keep-alive")
                + ok("GET /d ", "close");
        assertEquals(expected, text(new HttpConnectionDriver(ECHO).onBytes(wire)));

        for (int i = 0; i <= wire.length; i++) {
            HttpConnectionDriver driver = new HttpConnectionDriver(ECHO);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(driver.onBytes(java.util.Arrays.copyOfRange(wire, 0, i)));
            out.writeBytes(driver.onBytes(java.util.Arrays.copyOfRange(wire, i, wire.length)));
            assertEquals(expected, text(out.toByteArray()), "split at " + i);
            assertEquals(new Closed(Closed.Cause.CONNECTION_CLOSE), driver.state());
        }
    }

    @Test
    void givesIdenticalOutputByteByByte() {
        HttpConnectionDriver driver = new HttpConnectionDriver(ECHO);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte b : ascii(CONVERSATION)) {
            out.writeBytes(driver.onBytes(new byte[] {b}));
        }

        assertArrayEquals(new HttpConnectionDriver(ECHO).onBytes(ascii(CONVERSATION)), out.toByteArray());
    }

    /** A read far larger than the connection buffer is taken in slices; every request is answered. */
    @Test
    void answersThousandsOfPipelinedRequestsFromOneRead() {
        HttpLimits small = HttpLimits.DEFAULTS.withMaxRequestLineBytes(64).withMaxHeaderBytes(64);
        HttpConnectionDriver driver = new HttpConnectionDriver(request -> HttpResponse.text(200, request.target()), small);
        StringBuilder requests = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            requests.append("GET /").append(i).append(" HTTP/1.1\r\nHost: h\r\n\r\n");
            expected.add(ok("/" + i, "keep-alive"));
        }

        String reply = text(driver.onBytes(ascii(requests.toString())));

        assertEquals(String.join("", expected), reply);
        assertEquals(3_000, driver.requestsServed());
    }

    // ---- the response side refuses what would corrupt the stream ----

    @Test
    void refusesFramingFieldsFromTheHandler() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new HttpResponse(200, List.of(new HttpField("content-length", "5")), new byte[0]));

        assertEquals("content-length is set by the connection driver, not the handler", e.getMessage());
    }

    /** Response splitting: a CR or LF in a value would let it inject fields or a whole response. */
    @Test
    void refusesCrLfInResponseFieldValues() {
        assertThrows(IllegalArgumentException.class, () -> new HttpField("Location", "/x\r\nSet-Cookie: evil=1"));
        assertThrows(IllegalArgumentException.class, () -> new HttpField("Bad Name", "v"));
    }
}
