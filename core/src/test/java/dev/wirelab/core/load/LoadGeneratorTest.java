package dev.wirelab.core.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;

import dev.wirelab.core.metrics.ConnectionMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The load generator run on loopback against a minimal correct echo server
 * ({@link CountingEchoServer}) and against deliberately broken ones ({@link MisbehavingServer}).
 */
class LoadGeneratorTest {

    private static LoadSpec spec(InetSocketAddress target) {
        return LoadSpec.defaults(target).withWarmup(Duration.ZERO).withDuration(Duration.ofSeconds(20));
    }

    /** With a message budget, exactly that many messages are sent, echoed and counted, on both sides. */
    @Test
    @Timeout(60)
    void countsAddUpOnBothSidesOfTheConnection() throws Exception {
        try (CountingEchoServer server = new CountingEchoServer()) {
            LoadReport report = LoadGenerator.run(spec(server.address())
                    .withConnections(4).withMessageSize(100).withPipeline(4).withMessages(2_000));

            assertTrue(report.clean(), report.toText());
            assertEquals(4, report.connected());
            assertEquals(2_000, report.messages());
            assertEquals(200_000, report.bytes());
            assertEquals(2_000, report.latency().count());
            assertTrue(report.duration().isPositive() && report.messagesPerSecond() > 0, report.toText());
            assertTrue(report.latency().p50() <= report.latency().p99() && report.latency().p99() <= report.latency().max());

            awaitAllClosed(server, 4);
            ConnectionMetrics.Snapshot m = server.metrics();
            assertEquals(200_000, m.bytesRead(), m.toString());
            assertEquals(200_000, m.bytesWritten(), m.toString());
            assertEquals(4, m.accepted(), m.toString());
            assertEquals(0, m.errors(), m.toString());
        }
    }

    /** Warm-up traffic reaches the server but is left out of the report. */
    @Test
    @Timeout(60)
    void leavesWarmUpTrafficOutOfTheReport() throws Exception {
        try (CountingEchoServer server = new CountingEchoServer()) {
            LoadReport report = LoadGenerator.run(spec(server.address())
                    .withWarmup(Duration.ofMillis(300)).withDuration(Duration.ofMillis(300)));

            assertTrue(report.clean(), report.toText());
            assertTrue(report.messages() > 0, report.toText());
            awaitAllClosed(server, LoadSpec.DEFAULT_CONNECTIONS);
            assertTrue(server.metrics().bytesRead() > report.bytes(),
                    "server read " + server.metrics().bytesRead() + ", report counts " + report.bytes());
        }
    }

    /** A server that changes one byte is caught: the run reports corruption at that exact stream position. */
    @Test
    @Timeout(60)
    void catchesAServerThatFlipsAByte() throws Exception {
        try (MisbehavingServer server = new MisbehavingServer(MisbehavingServer.Fault.FLIPS_BYTE_1000)) {
            LoadReport report = LoadGenerator.run(spec(server.address())
                    .withConnections(1).withMessageSize(100).withMessages(50));

            assertEquals(1, report.errors().get(LoadError.CORRUPTED), report.toText());
            assertEquals(1, report.errorCount(), report.toText());
            assertTrue(report.firstError().contains("stream position 1000 (message 10, offset 0)"), report.firstError());
            assertEquals(10, report.messages(), "messages 0..9 came back intact before the bad byte");
        }
    }

    /** A server that hangs up while echoes are owed is reported as closed-by-server. */
    @Test
    @Timeout(60)
    void reportsAServerThatClosesWhileEchoesAreOwed() throws Exception {
        try (MisbehavingServer server = new MisbehavingServer(MisbehavingServer.Fault.CLOSES_AFTER_FIRST_READ)) {
            LoadReport report = LoadGenerator.run(spec(server.address()).withConnections(2).withMessageSize(10));

            assertEquals(2, report.errors().get(LoadError.CLOSED_BY_SERVER), report.toText());
            assertEquals(0, report.messages());
        }
    }

    /** A server that never answers cannot hang the run: it ends after the window plus the drain period, with timeouts. */
    @Test
    @Timeout(60)
    void endsWithTimeoutsWhenTheServerNeverAnswers() throws Exception {
        try (MisbehavingServer server = new MisbehavingServer(MisbehavingServer.Fault.NEVER_ANSWERS)) {
            LoadReport report = LoadGenerator.run(spec(server.address())
                    .withConnections(2).withDuration(Duration.ofMillis(200)));

            assertEquals(2, report.errors().get(LoadError.TIMEOUT), report.toText());
            assertEquals(0, report.messages());
        }
    }

    /** Open loop sends on a schedule: 200 msg/s for one second is about 200 messages, however fast the server is. */
    @Test
    @Timeout(60)
    void openLoopSendsAtTheRequestedRate() throws Exception {
        try (CountingEchoServer server = new CountingEchoServer()) {
            LoadReport report = LoadGenerator.run(spec(server.address())
                    .withConnections(2).withPipeline(16).withRate(200).withDuration(Duration.ofSeconds(1)));

            assertTrue(report.clean(), report.toText());
            // The upper bound is the rule (a closed loop would send thousands); the lower bound is
            // loose because a loaded 2-core machine may stall the client for a few hundred ms.
            assertTrue(report.messages() >= 100 && report.messages() <= 250,
                    "expected about 200 messages at 200 msg/s for 1 s (100..250 allowed), got " + report.messages());
            assertEquals(report.messages(), report.latency().count());
        }
    }

    /** Connecting to a port nobody listens on is reported as connect failures, not as an exception. */
    @Test
    @Timeout(60)
    void reportsConnectFailuresAgainstAClosedPort() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();   // free now, and nobody listens once it is closed
        }
        LoadReport report = LoadGenerator.run(spec(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
                .withConnections(3).withConnectTimeout(Duration.ofSeconds(2)));

        assertEquals(0, report.connected());
        assertEquals(3, report.connectFailures());
        assertEquals(0, report.messages());
        assertTrue(report.firstError().startsWith("connect to 127.0.0.1:" + port + " failed"), report.firstError());
    }

    private static void awaitAllClosed(CountingEchoServer server, int connections) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (server.metrics().closed() < connections) {
            assertTrue(System.nanoTime() < end, "server never saw all connections close: " + server.metrics());
            Thread.sleep(5);
        }
    }
}
