package dev.wirelab.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.wirelab.core.echo.EchoConfig;
import dev.wirelab.core.echo.EchoServer;
import dev.wirelab.core.echo.EchoServerProvider;
import dev.wirelab.core.protocol.Protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The executable definition of "serves wirelab's HTTP/1.1 routes correctly". Every server
 * model runs it with {@code --protocol http}, and so does the production twin built on
 * Netty's own codec; a variant's test is one line:
 *
 * <pre>{@code
 * class SelectorHttpContractTest extends HttpServerContract {
 *     @Override protected EchoServerProvider provider() { return new SelectorEchoServerProvider(); }
 * }
 * }</pre>
 *
 * <p><b>Two kinds of client.</b> A raw socket ({@link HttpWire}) sends exactly the bytes a
 * rule needs, malformed or split anywhere, and checks the answer byte by byte. The JDK's
 * {@link HttpClient} is the second, real client: if a server only satisfied a hand-written
 * reader, it would fail there.
 *
 * <p><b>The rules:</b> the plaintext response has the TechEmpower shape; one connection
 * carries 1,000 requests; 16 pipelined requests are answered in order; a request arriving
 * one byte at a time, or split at any byte of its head, is answered the same; malformed
 * request lines get {@code 400} and a close; request-smuggling framings (Content-Length with
 * Transfer-Encoding, two different Content-Lengths) get {@code 400}; an oversize header
 * section gets {@code 431}, an oversize target {@code 414}, an oversize body {@code 413};
 * {@code POST /echo} returns Content-Length and chunked bodies; login is per connection and
 * {@code /data} needs it; {@code Connection: close} is honoured; a silent connection is
 * closed after the idle timeout.
 *
 * <p><b>Cost.</b> One server per class (the idle rule starts a second), so the suite takes a
 * few seconds per variant. No assertion is about speed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class HttpServerContract {

    /** The variant under test; the contract switches it to the HTTP protocol. */
    protected abstract EchoServerProvider provider();

    /** Override only if a variant needs a different base. */
    protected EchoConfig baseConfig() {
        return EchoConfig.defaults();
    }

    private static final byte[] PLAINTEXT = HttpWire.get("/plaintext");

    private final List<EchoServer> servers = new ArrayList<>();
    private final List<HttpWire> clients = new ArrayList<>();
    private EchoServer server;
    private HttpClient http;

    @BeforeAll
    final void startServer() throws IOException {
        server = start(baseConfig());
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }

    // ---------------------------------------------------------------------------------
    // Routes and the response shape
    // ---------------------------------------------------------------------------------

    /** The benchmark response: 200, Server, an IMF-fixdate Date, text/plain, "Hello, World!", kept alive. */
    @Test
    @Timeout(20)
    void answersPlaintextInTheTechEmpowerShape() throws Exception {
        HttpWire.Response r = connect().exchange(PLAINTEXT);

        assertEquals(200, r.status(), r.toString());
        assertEquals("Hello, World!", r.text());
        assertTrue(r.header("Content-Type").startsWith("text/plain"), r.toString());
        assertNotNull(r.header("Server"), "no Server field: " + r);
        assertTrue(r.header("Date").matches("\\w{3}, \\d{2} \\w{3} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT"), r.toString());
        assertTrue(!r.closes(), "closed a keep-alive connection: " + r);
    }

    /** Anything but the five routes is 404, and the connection stays usable. */
    @Test
    @Timeout(20)
    void answersUnknownRoutesWith404AndKeepsTheConnection() throws Exception {
        HttpWire client = connect();

        assertEquals(404, client.exchange(HttpWire.get("/nowhere")).status());
        assertEquals(404, client.exchange(HttpWire.post("/plaintext", new byte[1])).status());
        assertEquals(200, client.exchange(PLAINTEXT).status());
    }

    /** GET /metrics shows the server's own connection counters. */
    @Test
    @Timeout(20)
    void reportsTheServersMetrics() throws Exception {
        HttpWire.Response r = connect().exchange(HttpWire.get("/metrics"));

        assertEquals(200, r.status(), r.toString());
        assertTrue(r.text().matches("(?s).*accepted [1-9]\\d*\n.*bytes_read \\d+\n.*"), r.text());
    }

    // ---------------------------------------------------------------------------------
    // Connection management
    // ---------------------------------------------------------------------------------

    /** Keep-alive is the default: one connection carries a thousand requests. */
    @Test
    @Timeout(30)
    void keepsOneConnectionAliveForAThousandRequests() throws Exception {
        HttpWire client = connect();
        for (int i = 0; i < 1_000; i++) {
            HttpWire.Response r = client.exchange(PLAINTEXT);
            assertEquals(200, r.status(), "request " + i + ": " + r);
            assertEquals("Hello, World!", r.text(), "request " + i);
        }
    }

    /** The JDK's client reuses one pooled connection for a thousand sequential requests. */
    @Test
    @Timeout(60)
    void servesAThousandRequestsToTheJdkHttpClientOverFewConnections() throws Exception {
        long acceptedBefore = server.metrics().accepted();
        for (int i = 0; i < 1_000; i++) {
            HttpResponse<String> r = http.send(request("/plaintext").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), "request " + i);
            assertEquals("Hello, World!", r.body());
        }
        long opened = server.metrics().accepted() - acceptedBefore;
        assertTrue(opened <= 2, "a thousand sequential requests opened " + opened + " connections: keep-alive is not working");
    }

    /** Sixteen requests in one write, as wrk's pipeline script sends them, come back in order. */
    @Test
    @Timeout(20)
    void answersSixteenPipelinedRequestsInOrder() throws Exception {
        HttpWire client = connect();
        StringBuilder burst = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            String body = "request-" + i;
            burst.append(i % 2 == 0
                    ? "POST /echo HTTP/1.1\r\nHost: w\r\nContent-Length: " + body.length() + "\r\n\r\n" + body
                    : "GET /plaintext HTTP/1.1\r\nHost: w\r\n\r\n");
        }
        client.send(burst.toString());

        for (int i = 0; i < 16; i++) {
            HttpWire.Response r = client.read();
            assertEquals(200, r.status(), "response " + i);
            assertEquals(i % 2 == 0 ? "request-" + i : "Hello, World!", r.text(), "response " + i + " out of order");
        }
    }

    /** Connection: close is honoured: the response says so and the server closes. */
    @Test
    @Timeout(20)
    void closesAfterConnectionClose() throws Exception {
        HttpWire client = connect();

        HttpWire.Response r = client.exchange(HttpWire.ascii("GET /plaintext HTTP/1.1\r\nHost: w\r\nConnection: close\r\n\r\n"));

        assertEquals(200, r.status());
        assertTrue(r.closes(), r.toString());
        assertTrue(client.closedByServer());
    }

    /** A silent keep-alive connection is closed after the idle timeout, as for echo. */
    @Test
    @Timeout(30)
    void closesASilentConnectionAfterTheIdleTimeout() throws Exception {
        EchoServer quick = start(baseConfig().withIdleTimeout(Duration.ofMillis(500)));
        HttpWire client = HttpWire.connect(quick.localAddress());
        clients.add(client);
        assertEquals(200, client.exchange(PLAINTEXT).status());

        long start = System.nanoTime();
        assertTrue(client.closedByServer());
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(waited >= 300, "closed after " + waited + " ms, before the idle timeout");
        Eventually.until("the idle close counted", () -> quick.metrics().idleTimeouts() == 1, quick::metrics);
    }

    // ---------------------------------------------------------------------------------
    // Framing: however the bytes arrive
    // ---------------------------------------------------------------------------------

    /** A request sent one byte per write is answered exactly like one sent whole. */
    @Test
    @Timeout(20)
    void answersARequestFedOneByteAtATime() throws Exception {
        HttpWire client = connect();
        byte[] request = HttpWire.post("/echo", HttpWire.ascii("one byte at a time"));
        for (byte b : request) {
            client.send(new byte[] {b});
            Thread.sleep(0, 200_000); // give each byte its own read, most of the time
        }

        HttpWire.Response r = client.read();

        assertEquals(200, r.status(), r.toString());
        assertEquals("one byte at a time", r.text());
    }

    /** However a head is cut into two writes, the answer is the same (every split point, one connection). */
    @Test
    @Timeout(30)
    void answersAHeadSplitAtEveryByte() throws Exception {
        HttpWire client = connect();
        byte[] request = HttpWire.ascii("GET /plaintext HTTP/1.1\r\nHost: wirelab\r\nAccept: */*\r\nX-Split: yes\r\n\r\n");
        for (int split = 1; split < request.length; split++) {
            client.send(java.util.Arrays.copyOfRange(request, 0, split));
            Thread.sleep(1);
            client.send(java.util.Arrays.copyOfRange(request, split, request.length));
            HttpWire.Response r = client.read();
            assertEquals("Hello, World!", r.text(), "split at " + split + ": " + r);
        }
    }

    /** POST /echo returns the body of either framing, and a body larger than any socket buffer whole. */
    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, 1_000, 100_000})
    @Timeout(20)
    void echoesAContentLengthBody(int size) throws Exception {
        byte[] body = BytePattern.bytes(size, 0, size);

        HttpWire.Response r = connect().exchange(HttpWire.post("/echo", body));

        assertEquals(200, r.status(), r.toString());
        assertArrayEquals(body, r.body());
    }

    @Test
    @Timeout(20)
    void echoesAChunkedBody() throws Exception {
        HttpWire client = connect();

        HttpWire.Response r = client.exchange(HttpWire.ascii("POST /echo HTTP/1.1\r\nHost: w\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\nhello\r\n1;ext=1\r\n,\r\n6\r\n world\r\n0\r\nTrailer: x\r\n\r\n"));

        assertEquals(200, r.status(), r.toString());
        assertEquals("hello, world", r.text());
        assertEquals(200, client.exchange(PLAINTEXT).status(), "the connection survives a chunked body");
    }

    /** The JDK client sends a known-length body with Content-Length and a streamed one chunked: both come back. */
    @Test
    @Timeout(30)
    void echoesBothFramingsToTheJdkHttpClient() throws Exception {
        byte[] body = BytePattern.bytes(9, 0, 20_000);
        HttpResponse<byte[]> fixed = http.send(request("/echo").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> streamed = http.send(request("/echo")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(200, fixed.statusCode());
        assertArrayEquals(body, fixed.body());
        assertEquals(200, streamed.statusCode());
        assertArrayEquals(body, streamed.body());
    }

    // ---------------------------------------------------------------------------------
    // Bad input: a status, then a close
    // ---------------------------------------------------------------------------------

    /** A request line that breaks the grammar gets 400 and the connection ends: nobody knows where the next request starts. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GET /plaintext\r\n\r\n", "G@T /plaintext HTTP/1.1\r\nHost: w\r\n\r\n", "GET /plaintext HTTP/1.1\nHost: w\r\n\r\n",
            "GET /plain text HTTP/1.1\r\nHost: w\r\n\r\n", "GET /plaintext HTTP/1.1\r\nBad Field: x\r\n\r\n"})
    @Timeout(20)
    void answersMalformedRequestsWith400AndCloses(String request) throws Exception {
        assertRejected(request, 400);
    }

    /**
     * Exactly one space between the parts of a request line. RFC 9112 section 3 lets a
     * server parse on runs of whitespace instead (a MAY), and warns that such leniency can
     * enable request smuggling between servers that disagree; wirelab's parser refuses.
     */
    @Test
    @Timeout(20)
    protected void refusesExtraSpacesInTheRequestLine() throws Exception {
        assertRejected("GET  /plaintext HTTP/1.1\r\nHost: w\r\n\r\n", 400);
    }

    /** Request smuggling: framings that two servers could read differently are refused, not guessed at. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "POST /echo HTTP/1.1\r\nHost: w\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
            "POST /echo HTTP/1.1\r\nHost: w\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n0\r\n\r\n",
            "POST /echo HTTP/1.1\r\nHost: w\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd"})
    @Timeout(20)
    void refusesRequestSmugglingWith400(String request) throws Exception {
        assertRejected(request, 400);
    }

    /** A header section beyond the limit gets 431 Request Header Fields Too Large. */
    @Test
    @Timeout(20)
    void answersAnOversizeHeaderSectionWith431() throws Exception {
        assertRejected("GET /plaintext HTTP/1.1\r\nHost: w\r\nX-Big: " + "x".repeat(20_000) + "\r\n\r\n", 431);
    }

    /** A target beyond the request-line limit gets 414 URI Too Long. */
    @Test
    @Timeout(20)
    void answersAnOversizeTargetWith414() throws Exception {
        assertRejected("GET /" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: w\r\n\r\n", 414);
    }

    /** A declared body beyond the limit gets 413 before a byte of it is read. */
    @Test
    @Timeout(20)
    void answersAnOversizeBodyWith413() throws Exception {
        assertRejected("POST /echo HTTP/1.1\r\nHost: w\r\nContent-Length: 100000000\r\n\r\n", 413);
    }

    // ---------------------------------------------------------------------------------
    // Login: the typestate lesson, per connection
    // ---------------------------------------------------------------------------------

    /** /data is 401 until this connection logs in; another connection is still 401 afterwards. */
    @Test
    @Timeout(30)
    void servesDataOnlyToTheConnectionThatLoggedIn() throws Exception {
        HttpWire mine = connect();
        HttpWire other = connect();

        assertEquals(401, mine.exchange(HttpWire.get("/data")).status());
        assertEquals(401, mine.exchange(login("wrong")).status());
        assertEquals(200, mine.exchange(login("wirelab")).status());

        HttpWire.Response data = mine.exchange(HttpWire.get("/data"));
        assertEquals(200, data.status(), data.toString());
        assertTrue(data.text().contains("student"), data.text());
        assertEquals(401, other.exchange(HttpWire.get("/data")).status(), "login leaked to another connection");
        assertEquals(401, connect().exchange(HttpWire.get("/data")).status(), "login leaked to a new connection");
    }

    // ---------------------------------------------------------------------------------
    // helpers
    // ---------------------------------------------------------------------------------

    private static byte[] login(String password) {
        return HttpWire.post("/login", ("user=student&password=" + password).getBytes(StandardCharsets.UTF_8));
    }

    private void assertRejected(String request, int status) throws IOException {
        HttpWire client = connect();
        HttpWire.Response r = client.exchange(HttpWire.ascii(request));
        assertEquals(status, r.status(), r.toString());
        assertTrue(r.closes(), "an error response must announce the close: " + r);
        assertTrue(client.closedByServer());
    }

    private HttpRequest.Builder request(String path) {
        InetSocketAddress at = server.localAddress();
        return HttpRequest.newBuilder(URI.create("http://" + at.getHostString() + ":" + at.getPort() + path))
                .timeout(Duration.ofSeconds(10));
    }

    private HttpWire connect() throws IOException {
        HttpWire client = HttpWire.connect(server.localAddress());
        clients.add(client);
        return client;
    }

    private EchoServer start(EchoConfig config) throws IOException {
        EchoServer started = provider().start(config.withProtocol(Protocol.HTTP));
        servers.add(started);
        return started;
    }

    @AfterAll
    final void stopEverything() throws Exception {
        for (HttpWire c : clients) {
            c.close();
        }
        if (http != null) {
            http.close();
        }
        for (EchoServer s : servers) {
            s.shutdown(Duration.ofSeconds(5));
        }
    }
}
