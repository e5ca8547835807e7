package dev.wirelab.nio.selector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.wirelab.core.echo.EchoConfig;
import dev.wirelab.core.echo.EchoServerProvider;
import dev.wirelab.core.metrics.ConnectionMetrics;
import dev.wirelab.core.protocol.Protocol;
import dev.wirelab.testkit.BytePattern;
import dev.wirelab.testkit.Eventually;
import dev.wirelab.testkit.RawClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The rules that are particular to the selector reactor, beyond the shared contract: each one
 * is a mistake a first selector server makes (see the module README), pinned by a test that
 * fails if the mistake comes back.
 */
class SelectorEchoServerTest {

    /** Idle timeout off: a loop with nothing to do then sleeps in select until something happens. */
    private static final EchoConfig QUIET = EchoConfig.defaults().withIdleTimeout(Duration.ZERO).withIoThreads(1);

    /** QUIET with a 4 KiB kernel send buffer per connection: partial writes start early, even on loopback. */
    private static final EchoConfig SMALL_SNDBUF = QUIET.withOption(SocketTuning.SNDBUF, "4096");

    private final List<SelectorEchoServer> servers = new ArrayList<>();
    private final List<RawClient> clients = new ArrayList<>();
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    /** `lab` finds the server by name through ServiceLoader; a missing services line hides it from every tool. */
    @Test
    void isRegisteredAsTheNioSelectorProvider() {
        EchoServerProvider provider = EchoServerProvider.named("nio").orElseThrow();
        assertEquals(SelectorEchoServerProvider.class, provider.getClass());
        assertEquals("selector", provider.model());
    }

    /** A typo in an option must not be silently ignored: the error names the options that exist. */
    @Test
    void rejectsAnUnknownOptionNamingTheOnesItKnows() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> SelectorEchoServer.start(QUIET.withOption("sndbuff", "4096")));
        assertEquals("unknown option 'sndbuff' for the nio server; it knows sndbuf=BYTES, rcvbuf=BYTES and nodelay=true|false", e.getMessage());
        var bad = assertThrows(IllegalArgumentException.class,
                () -> SelectorEchoServer.start(QUIET.withOption("sndbuf", "4k")));
        assertEquals("option sndbuf must be a positive number of bytes, was '4k'", bad.getMessage());
    }

    /** One event loop per configured I/O thread, and the acceptor deals connections out in turn. */
    @Test
    @Timeout(30)
    void spreadsConnectionsEvenlyOverItsLoops() throws Exception {
        SelectorEchoServer server = start(EchoConfig.defaults().withIoThreads(3));
        for (int i = 0; i < 6; i++) {
            assertEchoes(connect(server, 0), 64, i);
        }
        assertTrue(server.details().startsWith("loops=3"), server.details());
        Eventually.until("two connections on each of the three loops",
                () -> java.util.Arrays.equals(new int[] {2, 2, 2}, server.connectionsPerLoop()),
                () -> java.util.Arrays.toString(server.connectionsPerLoop()));
    }

    /**
     * Lost wakeup: a loop asleep in select (no timeout: idle is off) must still adopt a new
     * connection. If the acceptor queued it without waking the selector, this client would never
     * hear back and its read would time out.
     */
    @Test
    @Timeout(60)
    void servesConnectionsHandedToALoopAsleepInSelect() throws Exception {
        SelectorEchoServer server = start(QUIET);
        for (int i = 0; i < 20; i++) {
            // The previous client has gone and the loop has closed it: it is back in select with nothing to do.
            int seed = i;
            Eventually.until("no active connection", () -> server.metrics().active() == 0, server::metrics);
            try (RawClient client = RawClient.connect(server.localAddress())) {
                byte[] message = BytePattern.bytes(seed, 0, 32);
                client.write(message);
                assertArrayEquals(message, client.readExactly(32), "echo on connection " + i);
            }
        }
    }

    /**
     * Partial writes: a peer with tiny socket buffers takes only part of each write. Every
     * byte must still come back in order, and the test checks the server really took the
     * deferred-write path (an echo that ignored the count write() returns would lose data here).
     */
    @Test
    @Timeout(60)
    void echoesEveryByteWhenTheSocketTakesOnlyPartOfAWrite() throws Exception {
        SelectorEchoServer server = start(SMALL_SNDBUF);
        RawClient client = connect(server, 4096);
        int size = 4 << 20;
        byte[] data = BytePattern.bytes(77, 0, size);

        Future<?> writer = background.submit(() -> {
            client.write(data);
            return null;
        });
        // Read slowly, in small pieces, so the server keeps meeting a full send buffer.
        for (int offset = 0; offset < size; offset += 1500) {
            int length = Math.min(1500, size - offset);
            byte[] got = client.readExactly(length);
            long bad = BytePattern.firstMismatch(77, offset, got, 0, length);
            assertEquals(-1, bad, "first wrong byte at stream position " + bad);
        }
        writer.get(30, TimeUnit.SECONDS);
        assertTrue(server.deferredWrites() > 0, "the socket always took every byte: this run never tested a partial write");
    }

    /**
     * Unbounded buffering: for a peer that writes and never reads, the server's own holding
     * (read but not yet written back) never exceeds maxPendingWriteBytes: reads are clipped to
     * the room left, and OP_READ is dropped when none is left (not left on with nothing read,
     * which would spin the loop).
     */
    @Test
    @Timeout(90)
    void neverHoldsMoreThanMaxPendingWriteBytesForAPeerThatStopsReading() throws Exception {
        int maxPending = 64 * 1024;
        SelectorEchoServer server = start(SMALL_SNDBUF.withReadBufferSize(16 * 1024).withMaxPendingWriteBytes(maxPending));
        RawClient client = connect(server, 16 * 1024);
        long total = 16L << 20;
        int chunk = 16 * 1024;
        AtomicLong written = new AtomicLong();

        // Phase 1: the peer writes 16 MiB and reads nothing.
        Future<?> writer = background.submit(() -> {
            byte[] buf = new byte[chunk];
            for (long offset = 0; offset < total; offset += chunk) {
                BytePattern.fill(5, offset, buf, 0, chunk);
                client.write(buf);
                written.addAndGet(chunk);
            }
            return null;
        });

        // Phase 2: sample the server's holding until its counters stop moving (reading paused,
        // writing blocked); no sample may pass the bound. The stall need not sit exactly at the
        // bound: once paused, a little may still drain into the peer's socket buffer.
        long[] last = {-1, -1, System.nanoTime()};
        Eventually.until("the server stops reading from the silent peer", () -> {
            ConnectionMetrics.Snapshot m = server.metrics();
            long held = m.bytesRead() - m.bytesWritten();
            assertTrue(held <= maxPending, "server holds " + held + " B for the peer, above maxPendingWriteBytes " + maxPending);
            if (m.bytesRead() != last[0] || m.bytesWritten() != last[1]) {
                last[0] = m.bytesRead();
                last[1] = m.bytesWritten();
                last[2] = System.nanoTime();
            }
            return held > 0 && System.nanoTime() - last[2] > Duration.ofMillis(300).toNanos();
        }, server::metrics, Duration.ofSeconds(30));
        assertFalse(writer.isDone(), "the server took all " + total + " B from a peer that never read");
        assertTrue(written.get() < total, "writer got everything through");

        // Phase 2b: paused means OP_READ is off, not "readable, but we read 0 bytes": the loop sleeps.
        long before = server.loopIterations();
        Thread.sleep(300); // an observation window, not a wait for something to happen
        long wakeups = server.loopIterations() - before;
        assertTrue(wakeups <= 2, "the loop woke " + wakeups + " times in 300 ms while paused: OP_READ is still on");

        // Phase 3: the peer reads; reading resumes and every byte arrives in order.
        for (long offset = 0; offset < total; offset += chunk) {
            byte[] got = client.readExactly(chunk);
            long bad = BytePattern.firstMismatch(5, offset, got, 0, chunk);
            assertEquals(-1, bad, "first wrong byte at stream position " + bad);
        }
        writer.get(30, TimeUnit.SECONDS);
    }

    /**
     * Busy loop on OP_WRITE: once owed bytes are out, the loop must stop asking for
     * writability (a socket with room is always writable). A quiet server then sleeps: over
     * half a second with an open but silent connection, select returns at most a couple of
     * times; a loop that left OP_WRITE on returns tens of thousands of times.
     */
    @Test
    @Timeout(60)
    void sleepsOnceOwedBytesAreWrittenInsteadOfSpinningOnWritability() throws Exception {
        SelectorEchoServer server = start(SMALL_SNDBUF);
        RawClient client = connect(server, 4096);
        int size = 1 << 20;

        // Phase 1: force deferred writes (OP_WRITE on), then drain them all (OP_WRITE must go off).
        assertEchoes(client, size, 9);
        assertTrue(server.deferredWrites() > 0, "no write was ever deferred: OP_WRITE was never switched on");

        // Phase 2: the connection stays open and silent; count select returns over a quiet window.
        long before = server.loopIterations();
        Thread.sleep(500); // an observation window, not a wait for something to happen
        long wakeups = server.loopIterations() - before;
        assertTrue(wakeups <= 2, "the loop woke " + wakeups + " times in 500 ms with nothing to do: it is spinning");
    }

    /**
     * A shutdown deadline is a promise: a peer that never reads its echo cannot hold the server
     * open. At the deadline the connection is closed forcibly and shutdown reports it was not graceful.
     */
    @Test
    @Timeout(30)
    void closesForciblyAtTheDeadlineWhenAPeerNeverReadsItsEcho() throws Exception {
        SelectorEchoServer server = start(SMALL_SNDBUF.withMaxPendingWriteBytes(64 * 1024));
        RawClient client = connect(server, 4096);
        Future<?> writer = background.submit(() -> {
            client.write(new byte[1 << 20]);
            return null;
        });
        Eventually.until("the server holds owed bytes for the peer",
                () -> server.metrics().bytesRead() - server.metrics().bytesWritten() > 0, server::metrics);

        assertFalse(server.shutdown(Duration.ofMillis(300)), "shutdown claimed a graceful finish");
        ConnectionMetrics.Snapshot m = server.metrics();
        assertEquals(1, m.closed(), m.toString());
        assertEquals(0, m.active(), m.toString());
        writer.cancel(true);
    }

    /**
     * No allocation per echoed message on the hot path: after warm-up, 20,000 echoes of 64 B
     * cost the loop thread less than 2 allocated bytes each on average. The smallest Java
     * object is 16 bytes, so one object per message (a wrapper, an iterator, a lambda) fails.
     */
    @Test
    @Timeout(120)
    void allocatesNothingPerEchoedMessageOnTheLoopThread() throws Exception {
        SelectorEchoServer server = start(QUIET);
        RawClient client = connect(server, 0);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long loopId = server.loopThread(0).threadId();
        byte[] message = BytePattern.bytes(1, 0, 64);
        int messages = 20_000;

        pingPong(client, message, messages); // warm-up: let the JIT compile the loop
        long before = threads.getThreadAllocatedBytes(loopId);
        pingPong(client, message, messages);
        long allocated = threads.getThreadAllocatedBytes(loopId) - before;

        double perMessage = (double) allocated / messages;
        assertTrue(perMessage < 2.0, "the loop thread allocated " + allocated + " B for " + messages
                + " echoes (" + perMessage + " B per message)");
    }

    /**
     * The HTTP protocol keeps the selector path at zero allocation too: after warm-up, 20,000
     * requests for {@code /plaintext}, sent sixteen per write as wrk's pipeline script sends
     * them, cost the loop thread less than 2 allocated bytes each on average. Parsing, routing
     * and writing the response must all reuse what the connection already has.
     */
    @Test
    @Timeout(120)
    void allocatesNothingPerHttpRequestOnTheLoopThread() throws Exception {
        SelectorEchoServer server = start(QUIET.withProtocol(Protocol.HTTP));
        RawClient client = connect(server, 0);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long loopId = server.loopThread(0).threadId();
        byte[] sixteen = "GET /plaintext HTTP/1.1\r\nHost: wirelab\r\n\r\n".repeat(16)
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        int responseBytes = 16 * 156; // "HTTP/1.1 200 OK", Server, Date, Content-Type, Content-Length, Connection, body
        int rounds = 1_250;

        httpRounds(client, sixteen, responseBytes, rounds * 2); // warm-up
        long before = threads.getThreadAllocatedBytes(loopId);
        httpRounds(client, sixteen, responseBytes, rounds);
        long allocated = threads.getThreadAllocatedBytes(loopId) - before;

        double perRequest = (double) allocated / (rounds * 16);
        assertTrue(perRequest < 2.0, "the loop thread allocated " + allocated + " B for " + rounds * 16
                + " requests (" + perRequest + " B per request)");
    }

    private static void httpRounds(RawClient client, byte[] requests, int responseBytes, int rounds) throws Exception {
        for (int i = 0; i < rounds; i++) {
            client.write(requests);
            byte[] responses = client.readExactly(responseBytes);
            assertEquals('H', responses[0]);
            assertEquals('!', responses[responseBytes - 1], "sixteen whole responses, each ending in Hello, World!");
        }
    }

    // ---------------------------------------------------------------- helpers

    private static void pingPong(RawClient client, byte[] message, int times) throws Exception {
        byte[] back = new byte[message.length];
        for (int i = 0; i < times; i++) {
            client.write(message);
            int got = 0;
            while (got < back.length) {
                int n = client.socket().getInputStream().read(back, got, back.length - got);
                assertTrue(n > 0, "server closed during ping-pong");
                got += n;
            }
        }
        assertArrayEquals(message, back);
    }

    private SelectorEchoServer start(EchoConfig config) throws Exception {
        SelectorEchoServer server = SelectorEchoServer.start(config);
        servers.add(server);
        return server;
    }

    private RawClient connect(SelectorEchoServer server, int socketBufferBytes) throws Exception {
        RawClient client = RawClient.connect(server.localAddress(), socketBufferBytes);
        clients.add(client);
        return client;
    }

    /** Sends {@code size} bytes from a background thread and checks the exact echo. */
    private void assertEchoes(RawClient client, int size, long seed) throws Exception {
        byte[] data = BytePattern.bytes(seed, 0, size);
        Future<?> writer = background.submit(() -> {
            client.write(data);
            return null;
        });
        byte[] got = client.readExactly(size);
        long bad = BytePattern.firstMismatch(seed, 0, got, 0, size);
        assertEquals(-1, bad, "first wrong byte at stream position " + bad);
        writer.get(30, TimeUnit.SECONDS);
    }

    @AfterEach
    void closeEverything() throws Exception {
        for (RawClient c : clients) {
            c.close();
        }
        for (SelectorEchoServer s : servers) {
            s.shutdown(Duration.ofSeconds(5));
        }
        background.shutdownNow();
        assertTrue(background.awaitTermination(10, TimeUnit.SECONDS), "a client thread did not stop");
    }
}
