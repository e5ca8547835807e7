package dev.wirelab.labs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.wirelab.testkit.ServerSockets;
import dev.wirelab.testkit.Skip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code lab variants}, {@code lab serve} and {@code lab load}, run through {@link LabCli#execute}. */
class EchoCommandsTest {

    private static final Pattern LISTENING = Pattern.compile("\\Alistening 127\\.0\\.0\\.1:(\\d+)\\R");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int lab(String... args) {
        return LabCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    /** Each variant is one line: name, model, description; the blocking baseline is always there. */
    @Test
    void variantsListsEachProviderOnOneLine() {
        assertEquals(0, lab("variants"));
        assertTrue(out.toString().lines().anyMatch(l -> l.matches("blocking\\s+thread-per-connection\\s+Blocking java\\.net .+")),
                out.toString());
        assertTrue(out.toString().lines().allMatch(l -> l.matches("[a-z][a-z0-9-]*\\s+\\S+\\s+\\S.*")), out.toString());
    }

    /** An unknown variant is one line that names the known ones, and the usage exit code. */
    @Test
    void serveRejectsAnUnknownVariantNamingTheKnownOnes() {
        assertEquals(2, lab("serve", "no-such-server"));
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("lab serve: unknown variant 'no-such-server'; known variants: "), err.toString());
        assertTrue(err.toString().contains("blocking"), err.toString());
    }

    /** Settings the config refuses are usage errors with the config's own message. */
    @Test
    void serveRejectsAnInvalidSettingWithItsReason() {
        assertEquals(2, lab("serve", "blocking", "--max-connections", "0"));
        assertTrue(err.toString().contains("maxConnections must be at least 1, was 0"), err.toString());
    }

    /** A send buffer must be a size the config allows: a word or a negative number is one line and exit 2. */
    @Test
    void serveRejectsABadSendBuffer() {
        assertEquals(2, lab("serve", "blocking", "--send-buffer", "small"));
        assertTrue(err.toString().contains("'small' is not a size in bytes"), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(2, lab("serve", "blocking", "--send-buffer", "512m"));
        assertTrue(err.toString().contains("sendBufferSize must be 0 (the OS default) or 1 B..256 MiB, was 536870912"),
                err.toString());
    }

    /** A variant refuses options it does not know, rather than ignoring a typo. */
    @Test
    void serveRejectsAnOptionTheVariantDoesNotKnow() {
        assertEquals(2, lab("serve", "blocking", "--option", "transport=epoll"));
        assertTrue(err.toString().contains("blocking takes no options"), err.toString());
    }

    /** The target must look like HOST:PORT. */
    @Test
    void loadRejectsATargetThatIsNotHostColonPort() {
        assertEquals(2, lab("load", "localhost"));
        assertTrue(err.toString().contains("'localhost' is not HOST:PORT"), err.toString());
    }

    /** Durations are 500ms, 10s, 2m: anything else is refused with an example of what works. */
    @Test
    void loadRejectsAMalformedDuration() {
        assertEquals(2, lab("load", "127.0.0.1:7", "--duration", "ten"));
        assertTrue(err.toString().contains("'ten' is not a duration: use e.g. 500ms, 10s, 2m"), err.toString());
    }

    /** Nobody listening: the report says so, and the exit code is 1 (ran, but failed). */
    @Test
    @Timeout(30)
    void loadAgainstAClosedPortReportsConnectFailures() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        assertEquals(1, lab("load", "127.0.0.1:" + port, "-c", "2", "-d", "1s", "-w", "0"));
        assertTrue(out.toString().contains("connected    0 of 2 (connect failures: 2)"), out.toString());
        assertTrue(out.toString().contains("errors       connect failures=2\n"), "the summary agrees with the detail: " + out);
        assertTrue(err.toString().contains("2 connect failures"), err.toString());
    }

    /** serve prints its address first; load drives it (table and JSON); an interrupt stops it with final metrics. */
    @Test
    @Timeout(60)
    void serveAndLoadWorkTogether() throws Exception {
        StringWriter serveOut = new StringWriter();
        StringWriter serveErr = new StringWriter();
        AtomicInteger serveExit = new AtomicInteger(-1);
        Thread serve = Thread.ofPlatform().start(() -> serveExit.set(LabCli.execute(
                new PrintWriter(serveOut, true), new PrintWriter(serveErr, true), "serve", "blocking", "--port", "0")));
        int port = awaitListening(serveOut, serveErr);

        // The table.
        assertEquals(0, lab("load", "127.0.0.1:" + port, "-c", "2", "-s", "100", "-p", "2", "-d", "1s", "-w", "200ms"),
                err.toString());
        String table = out.toString();
        for (String row : new String[] {"target       127.0.0.1:" + port, "load         2 conns x 100 B, pipeline 2, closed loop",
                "connected    2 of 2 (connect failures: 0)", "throughput ", "latency us ", "errors       none"}) {
            assertTrue(table.contains(row), "missing '" + row + "' in:\n" + table);
        }

        // JSON, with a message budget: the count is exact.
        out.getBuffer().setLength(0);
        assertEquals(0, lab("load", "127.0.0.1:" + port, "-c", "2", "-n", "300", "-w", "0", "--json"), err.toString());
        String json = out.toString().strip();
        assertTrue(json.startsWith("{\"target\":\"127.0.0.1:" + port + "\"") && json.endsWith("}"), json);
        assertTrue(json.contains("\"messages\":300,\"bytes\":19200,"), json);

        // Stop it the way a notebook or test does (a signal takes the same path through the shutdown hook).
        serve.interrupt();
        serve.join(Duration.ofSeconds(15));
        assertEquals(0, serveExit.get(), serveErr.toString());
        String[] lines = serveOut.toString().split("\\R");
        assertTrue(lines[1].startsWith("blocking (thread-per-connection)"), serveOut.toString());
        assertTrue(serveOut.toString().contains("stopped: accepted=4 refused=0 closed=4 idle-timeouts=0 errors=0"),
                serveOut.toString());
    }

    /** --send-buffer reaches the kernel: the server's end of a connection holds double the size asked for. */
    @Test
    @Timeout(60)
    void serveAppliesTheSendBufferToEachConnection() throws Exception {
        Skip.unlessRequiredInCi(ServerSockets.available(), ServerSockets.offered(),
                "ss (iproute2) does not run here: the server's SO_SNDBUF can only be read from the kernel with ss -tm");
        StringWriter serveOut = new StringWriter();
        StringWriter serveErr = new StringWriter();
        AtomicInteger serveExit = new AtomicInteger(-1);
        Thread serve = Thread.ofPlatform().start(() -> serveExit.set(LabCli.execute(new PrintWriter(serveOut, true),
                new PrintWriter(serveErr, true), "serve", "virtual", "--port", "0", "--send-buffer", "4k")));
        int port = awaitListening(serveOut, serveErr);
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
            client.getOutputStream().write(7);
            assertEquals(7, client.getInputStream().read());     // echoed: the server has set the socket up
            assertEquals(List.of(ServerSockets.kernelSendBuffer(4096)),
                    ServerSockets.of(port).stream().map(ServerSockets::sendBuffer).toList());
        } finally {
            serve.interrupt();
            serve.join(Duration.ofSeconds(15));
        }
        assertEquals(0, serveExit.get(), serveErr.toString());
        assertTrue(serveOut.toString().contains(", send buffer 4096 B; Ctrl-C stops it"), serveOut.toString());
    }

    private static int awaitListening(StringWriter serveOut, StringWriter serveErr) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < end) {
            Matcher m = LISTENING.matcher(serveOut.toString());
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            Thread.sleep(10);
        }
        throw new AssertionError("serve never printed 'listening': out=" + serveOut + " err=" + serveErr);
    }
}
