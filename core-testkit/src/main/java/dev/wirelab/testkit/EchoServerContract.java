package dev.wirelab.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import dev.wirelab.core.echo.EchoConfig;
import dev.wirelab.core.echo.EchoServer;
import dev.wirelab.core.echo.EchoServerProvider;
import dev.wirelab.core.metrics.ConnectionMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The executable definition of a correct echo server. Every variant in wirelab (blocking,
 * selector, Netty, virtual threads, actors) proves itself by passing this one suite:
 *
 * <pre>{@code
 * class NioEchoServerTest extends EchoServerContract {
 *     @Override protected EchoServerProvider provider() { return new NioEchoServerProvider(); }
 * }
 * }</pre>
 *
 * <p><b>Why one suite.</b> "It echoes" is easy; "it echoes every byte, in order, to 250
 * clients at once, survives a reset, refuses the 1025th connection, and does not buffer
 * without bound when a peer stops reading" is what separates a toy from a server. Writing
 * those rules down once means every variant is held to exactly the same bar, and a
 * student comparing figures across variants knows they compare correct servers.
 *
 * <p><b>The rules</b>, one test each:
 * <ol>
 *   <li>every byte comes back in order, for messages from 1 B to 1 MiB;</li>
 *   <li>250 clients are served at the same time;</li>
 *   <li>pipelined writes (many messages sent before any reply is read) come back in order;</li>
 *   <li>a peer that half-closes (FIN) gets the rest of its echo, then a clean close;</li>
 *   <li>peers that reset mid-stream (RST) do not hurt the server, and each is counted as
 *       exactly one error;</li>
 *   <li>connections beyond {@code maxConnections} are closed at once (a FIN, before any byte)
 *       and counted as refused, while the others keep working;</li>
 *   <li>a silent connection is closed after {@code idleTimeout}; a talking one is not;</li>
 *   <li>a peer that writes but never reads makes the server stop reading (the data it holds
 *       stays within {@code maxPendingWriteBytes}), and once the peer reads, nothing is lost;</li>
 *   <li>a graceful shutdown sends back what the server already read, then closes;</li>
 *   <li>the metrics snapshot adds up to exactly what the clients sent;</li>
 *   <li>the address reported for port 0 is the real bound port;</li>
 *   <li>the provider describes itself: a lowercase name, a model and a description;</li>
 *   <li>the send buffer the config asks for ({@link EchoConfig#sendBufferSize()}) is what the
 *       kernel holds for the server's end of every connection, read back with {@code ss}.</li>
 * </ol>
 * Thirteen rules in fourteen test methods (the idle rule has two sides); the first rule runs
 * once per message size, seven in all.
 *
 * <p><b>Partial writes.</b> On loopback Linux grows a socket's send buffer to megabytes, so a
 * server's write rarely comes back short and its "write the rest later" path may never run.
 * A variant's {@code SmallSendBufferContractTest} runs the whole suite again with a
 * {@link #baseConfig()} that asks for a small send buffer: every rule, backpressure and
 * shutdown included, then holds while the server's writes are cut short.
 *
 * <p><b>How it tests.</b> Raw blocking sockets on loopback, exact bytes from
 * {@link BytePattern} (so a repeated, dropped or reordered chunk cannot pass), port 0,
 * a {@link Timeout} on every test and a read timeout on every socket. Servers update their
 * counters on their own threads, so the suite waits for counters with {@link Eventually}
 * (poll until a deadline) and never sleeps for a guessed time. No assertion is about speed.
 *
 * <p><b>Where it simplifies.</b> It runs on loopback only, where packets are never lost or
 * reordered; what it checks is the server's handling of the socket API, not TCP itself.
 * The backpressure bound is checked from the client (bytes written and not read back, less
 * what the kernel's socket buffers can hold) and from the server's byte counters, not from its
 * heap; {@link EchoServerFaults} measures heap and RSS under slow readers.
 *
 * <p>Variants may call {@link EchoServer#shutdown} more than once; the suite always shuts
 * every server it started, including ones a test has already shut.
 */
public abstract class EchoServerContract {

    /** The variant under test. */
    protected abstract EchoServerProvider provider();

    /** Override only if a variant needs a different base; tests derive their configs from it. */
    protected EchoConfig baseConfig() {
        return EchoConfig.defaults();
    }

    /** The send buffer the send-buffer rule asks for when {@link #baseConfig()} leaves it to the OS. */
    protected static final int SMALL_SEND_BUFFER = 4096;

    private static final int MANY_CLIENTS = 250;
    private static final Duration SHUTDOWN_DEADLINE = Duration.ofSeconds(5);

    private final List<EchoServer> servers = new ArrayList<>();
    private final List<RawClient> clients = new ArrayList<>();
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    // ---------------------------------------------------------------------------------
    // The rules
    // ---------------------------------------------------------------------------------

    /** A provider's name is what users type (`lab serve NAME`): short, lowercase, and the server reports the same one. */
    @Test
    @Timeout(20)
    void describesItselfWithALowercaseNameAModelAndADescription() throws Exception {
        EchoServerProvider provider = provider();
        assertTrue(provider.name().matches("[a-z][a-z0-9-]{0,19}"), "name: '" + provider.name() + "'");
        assertFalse(provider.model().isBlank(), "model is blank");
        assertFalse(provider.description().isBlank(), "description is blank");
        assertEquals(provider.name(), start(baseConfig()).name());
    }

    /** With port 0 the OS picks a port; localAddress() must report that real port, or nobody can connect. */
    @Test
    @Timeout(20)
    void reportsTheRealBoundPortWhenAskedForPortZero() throws Exception {
        EchoServer server = start(baseConfig().withPort(0));
        InetSocketAddress address = server.localAddress();

        assertNotEquals(0, address.getPort(), "reported port 0, not the bound port");
        assertTrue(address.getAddress().isLoopbackAddress(), "bound to " + address + " instead of loopback");
        assertEchoes(connect(server), 11, 0, 3);
    }

    /** Every byte comes back, in order, whatever the size: partial reads and writes must be handled. */
    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {1, 2, 100, 1_460, 16_384, 65_537, 1 << 20})
    @Timeout(30)
    void echoesEveryByteInOrder(int size) throws Exception {
        EchoServer server = start(baseConfig());
        assertEchoes(connect(server), size, 0, size);
    }

    /** 250 connections open at once are all served: the server must not handle one client at a time. */
    @Test
    @Timeout(60)
    void servesTwoHundredFiftyClientsAtOnce() throws Exception {
        EchoServer server = start(baseConfig());
        int size = 512;

        // Phase 1: open every connection before any sends, so all are open at the same time.
        List<RawClient> many = new ArrayList<>();
        for (int i = 0; i < MANY_CLIENTS; i++) {
            many.add(connect(server));
        }
        // Phase 2: every client sends (512 B fits any socket buffer, so no write blocks) ...
        for (int i = 0; i < MANY_CLIENTS; i++) {
            many.get(i).write(BytePattern.bytes(i, 0, size));
        }
        // ... and phase 3: each gets exactly its own bytes back.
        for (int i = 0; i < MANY_CLIENTS; i++) {
            assertPattern(i, 0, many.get(i).readExactly(size), "client " + i);
        }
        Eventually.until("all " + MANY_CLIENTS + " connections counted as active",
                () -> server.metrics().active() == MANY_CLIENTS, server::metrics);
        assertTrue(server.metrics().peakActive() >= MANY_CLIENTS, server.metrics().toString());
    }

    /** A client may send many messages before reading any reply (pipelining); the replies come back in order. */
    @Test
    @Timeout(30)
    void echoesPipelinedMessagesInOrder() throws Exception {
        EchoServer server = start(baseConfig());
        RawClient client = connect(server);
        long seed = 7;

        // Phase 1: 1,000 messages of 1..300 bytes, written back to back by a writer thread.
        int total = 0;
        List<byte[]> messages = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            byte[] message = BytePattern.bytes(seed, total, i % 300 + 1);
            messages.add(message);
            total += message.length;
        }
        Future<?> writer = inBackground(() -> {
            for (byte[] m : messages) {
                client.write(m);
            }
            return null;
        });

        // Phase 2: read back in chunk sizes unrelated to the message sizes; the stream must line up.
        int chunk = 777;
        for (int offset = 0; offset < total; offset += chunk) {
            int length = Math.min(chunk, total - offset);
            assertPattern(seed, offset, client.readExactly(length), "pipelined stream");
        }
        await(writer);
    }

    /** After the peer half-closes (FIN), the server sends back everything it received, then closes cleanly. */
    @Test
    @Timeout(30)
    void finishesEchoingAfterThePeerHalfClosesThenCloses() throws Exception {
        EchoServer server = start(baseConfig());
        RawClient client = connect(server);
        int size = 200 * 1024;

        Future<?> writer = inBackground(() -> {
            client.write(BytePattern.bytes(3, 0, size));
            client.shutdownOutput();
            return null;
        });
        assertPattern(3, 0, client.readExactly(size), "echo after half-close");
        assertEquals(RawClient.Ending.END_OF_STREAM, client.awaitClosedByServer(),
                "after echoing, the server closes with a FIN (an RST could destroy echoed bytes in flight)");
        await(writer);

        Eventually.until("the half-closed connection counted as closed without an error",
                () -> server.metrics().closed() == 1, server::metrics);
        assertEquals(0, server.metrics().errors(), server.metrics().toString());
    }

    /** Peers that vanish with an RST mid-stream cost the server nothing: it serves the next client and its counts stay right. */
    @Test
    @Timeout(30)
    void survivesPeersThatResetMidStream() throws Exception {
        EchoServer server = start(baseConfig());
        int resets = 5;

        // Phase 1: each peer sends 64 KiB, reads the first 1 KiB back (so the echo is mid-stream), then resets.
        for (int i = 0; i < resets; i++) {
            RawClient peer = connect(server);
            byte[] data = BytePattern.bytes(i, 0, 64 * 1024);
            Future<?> writer = inBackground(() -> {
                peer.write(data);
                return null;
            });
            assertPattern(i, 0, peer.readExactly(1024), "start of the echo before the reset");
            await(writer);
            peer.reset();
        }

        // Phase 2: a well-behaved client is still served, byte for byte.
        RawClient survivor = connect(server);
        assertEchoes(survivor, 10 * 1024, 99, 10 * 1024);
        survivor.close();

        // Phase 3: every connection ended and was counted once; nothing leaked in "active".
        int all = resets + 1;
        Eventually.until("all " + all + " connections counted as closed",
                () -> server.metrics().closed() == all && server.metrics().active() == 0, server::metrics);
        ConnectionMetrics.Snapshot m = server.metrics();
        assertEquals(all, m.accepted(), m.toString());
        assertEquals(resets, m.errors(), "each reset must be counted as exactly one error: " + m);
        assertTrue(m.bytesWritten() <= m.bytesRead(), "wrote more than it read: " + m);
    }

    /** Above maxConnections a new connection is closed at once and counted as refused; open ones keep working, and a freed slot is reused. */
    @Test
    @Timeout(30)
    void refusesConnectionsAboveMaxConnectionsWhileServingTheOthers() throws Exception {
        EchoServer server = start(baseConfig().withMaxConnections(2));
        RawClient first = connect(server);
        RawClient second = connect(server);
        assertEchoes(first, 100, 1, 100);
        assertEchoes(second, 100, 2, 100);

        // The kernel completes the handshake; the server must then close the extra one promptly,
        // with a FIN and before any byte: the client sent nothing, so nothing was read or lost.
        RawClient third = connect(server);
        assertEquals(RawClient.Ending.END_OF_STREAM, third.awaitClosedByServer(),
                "a refused connection should end with a clean FIN (close without reading), not an RST");
        Eventually.until("the third connection counted as refused",
                () -> server.metrics().refused() == 1, server::metrics);

        assertEchoes(first, 100, 1, 100);
        assertEchoes(second, 100, 2, 100);
        assertEquals(2, server.metrics().accepted(), server.metrics().toString());

        // A slot freed by a closing client is available again.
        first.close();
        Eventually.until("the closed client no longer counted as active",
                () -> server.metrics().active() == 1, server::metrics);
        assertEchoes(connect(server), 100, 4, 100);
    }

    /** A connection that sends nothing for idleTimeout is closed by the server and counted in idleTimeouts. */
    @Test
    @Timeout(30)
    void closesConnectionsThatStayIdlePastTheIdleTimeout() throws Exception {
        EchoServer server = start(baseConfig().withIdleTimeout(Duration.ofMillis(300)));
        RawClient client = connect(server);
        assertEchoes(client, 10, 5, 10);

        client.awaitClosedByServer();
        Eventually.until("the idle connection counted in idleTimeouts and closed",
                () -> server.metrics().idleTimeouts() == 1 && server.metrics().closed() == 1, server::metrics);
    }

    /** Idle means silent, not old: a connection that keeps talking outlives the idle timeout many times over. */
    @Test
    @Timeout(30)
    void keepsTalkingConnectionsOpenPastTheIdleTimeout() throws Exception {
        Duration idle = Duration.ofSeconds(1);
        EchoServer server = start(baseConfig().withIdleTimeout(idle));
        RawClient client = connect(server);

        // One byte every 50 ms for 2.5 idle periods: twenty times more often than the timeout allows.
        long end = System.nanoTime() + idle.toNanos() * 5 / 2;
        long sent = 0;
        while (System.nanoTime() < end) {
            assertEchoes(client, 1, 6, sent);
            sent++;
            Eventually.pause(50);
        }
        assertEquals(0, server.metrics().idleTimeouts(), server.metrics().toString());
        assertEquals(0, server.metrics().closed(), server.metrics().toString());
    }

    /**
     * Backpressure: when a peer writes but never reads, the server stops reading from it instead
     * of buffering without bound; once the peer reads, every byte arrives in order.
     */
    @Test
    @Timeout(90)
    void stopsReadingFromAPeerThatDoesNotReadAndLosesNothingOnceItDoes() throws Exception {
        EchoConfig base = baseConfig();
        EchoConfig config = base.withMaxPendingWriteBytes(Math.max(base.readBufferSize(), 64 * 1024));
        EchoServer server = start(config);
        // Small fixed client buffers keep the kernel's share of the backlog small and predictable.
        RawClient client = connect(server, 64 * 1024);
        long seed = 42;
        int total = 64 << 20;   // more than every socket buffer on the path could hold
        int chunk = 64 * 1024;
        AtomicLong attempted = new AtomicLong();   // chunks the writer has started to write
        AtomicLong written = new AtomicLong();     // ... and finished writing
        AtomicBoolean stop = new AtomicBoolean();

        // Phase 1: a writer pushes up to 64 MiB while nobody reads the echo; once the server has
        // stalled it, the writer finishes the chunk it is in and stops (the stall is what counts,
        // and the bytes it got through are the ones phase 3 checks).
        Future<?> writer = inBackground(() -> {
            byte[] buf = new byte[chunk];
            for (long offset = 0; offset < total && !stop.get(); offset += chunk) {
                BytePattern.fill(seed, offset, buf, 0, chunk);
                attempted.addAndGet(chunk);
                client.write(buf);
                written.addAndGet(chunk);
            }
            return null;
        });

        // Phase 2: the writer must stall: the server stopped reading because it cannot write.
        awaitStall(server, written, writer);
        // Measured from the client: everything written and not yet read back sits in the four
        // kernel buffers on the path (the client's two are fixed at 64 KiB, which Linux doubles;
        // the server's may auto-tune up to tcp_rmem/tcp_wmem's maximum) or in the server.
        long kernel = 2 * 2L * 64 * 1024 + ProcessProbe.maxAutoTunedBuffer("tcp_rmem") + ProcessProbe.maxAutoTunedBuffer("tcp_wmem");
        long clientBound = (long) config.maxPendingWriteBytes() + config.readBufferSize() + kernel;
        assertTrue(written.get() <= clientBound, "the client got " + written.get() + " bytes into a server it never read from; "
                + "pending + read buffer + kernel buffers allow " + clientBound);
        ConnectionMetrics.Snapshot m = server.metrics();
        long held = m.bytesRead() - m.bytesWritten();
        long bound = (long) config.maxPendingWriteBytes() + config.readBufferSize();
        assertTrue(held <= bound, "server holds " + held + " unsent bytes, more than maxPendingWriteBytes + readBufferSize = "
                + bound + " (" + m + ")");

        // Phase 3: the peer reads; every byte the writer got through arrives, in order. A chunk the
        // writer has started is committed (its write returns once we read), so it is read too.
        stop.set(true);
        byte[] buf = new byte[chunk];
        long offset = 0;
        while (offset < attempted.get() || !writer.isDone()) {
            if (offset == attempted.get()) {
                Eventually.pause(1);    // the writer is between chunks, about to see stop
                continue;
            }
            readFully(client, buf);
            long bad = BytePattern.firstMismatch(seed, offset, buf, 0, chunk);
            assertEquals(-1, bad, "wrong byte at stream position " + bad + " after the peer resumed reading");
            offset += chunk;
        }
        await(writer);
        assertEquals(written.get(), offset, "read back a different amount than the writer wrote");
    }

    /** A graceful shutdown sends back every byte the server already read, closes cleanly, and accepts no one new. */
    @Test
    @Timeout(30)
    void finishesInFlightEchoesOnGracefulShutdown() throws Exception {
        EchoServer server = start(baseConfig());
        RawClient client = connect(server);
        int size = 64 * 1024;

        // Phase 1: the server has read the whole message; the client has read none of the echo yet.
        client.write(BytePattern.bytes(8, 0, size));
        Eventually.until("the server read all " + size + " bytes",
                () -> server.metrics().bytesRead() == size, server::metrics);

        // Phase 2: shut down while the echo is still on its way.
        Future<Boolean> shutdown = inBackground(() -> server.shutdown(SHUTDOWN_DEADLINE));
        assertPattern(8, 0, client.readExactly(size), "echo during shutdown");
        assertEquals(RawClient.Ending.END_OF_STREAM, client.awaitClosedByServer());
        assertTrue(await(shutdown), "shutdown reported it missed its deadline");

        // Phase 3: the listener is gone, and shutting down again is harmless.
        assertThrows(IOException.class, () -> RawClient.connect(server.localAddress()).close());
        assertTrue(server.shutdown(SHUTDOWN_DEADLINE), "a second shutdown failed");
    }

    /** The metrics snapshot is the source of every figure the lab prints, so it must add up exactly. */
    @Test
    @Timeout(30)
    void reportsMetricsThatAgreeWithWhatClientsSent() throws Exception {
        EchoServer server = start(baseConfig());
        int[] sizes = {1_000, 20_000, 300_000};
        long total = 0;

        // Phase 1: three clients, all open at once, each echoing a different amount.
        List<RawClient> three = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            three.add(connect(server));
        }
        for (int i = 0; i < sizes.length; i++) {
            assertEchoes(three.get(i), sizes[i], 20 + i, 0);
            total += sizes[i];
        }
        for (RawClient c : three) {
            c.close();
        }

        // Phase 2: once every close has been seen, each counter says exactly what happened.
        Eventually.until("all three connections closed and none active",
                () -> server.metrics().closed() == 3 && server.metrics().active() == 0, server::metrics);
        ConnectionMetrics.Snapshot m = server.metrics();
        assertEquals(new ConnectionMetrics.Snapshot(3, 0, 3, 0, 0, 0, 3, total, total), m);
    }

    /**
     * The server sets {@code SO_SNDBUF} on every socket it accepts, as the config asks. Checked
     * from the kernel, not from the server: {@code ss} reports {@code tb} for the server's end
     * of each connection, which must be what Linux makes of the request (double it, see
     * {@link ServerSockets}). The rule starts its own server with a small buffer when the base
     * config leaves it at the OS default, so it bites in every contract run.
     */
    @Test
    @Timeout(60)
    void appliesTheConfiguredSendBufferToEveryAcceptedSocket() throws Exception {
        Skip.unlessRequiredInCi(ServerSockets.available(), ServerSockets.offered(),
                "ss (iproute2) does not run here: the server's SO_SNDBUF can only be read from the kernel with ss -tm");
        EchoConfig base = baseConfig();
        int asked = base.sendBufferSize() > 0 ? base.sendBufferSize() : SMALL_SEND_BUFFER;
        EchoServer server = start(base.withSendBufferSize(asked));
        int port = server.localAddress().getPort();
        int expected = ServerSockets.kernelSendBuffer(asked);

        // Phase 1: three connections, each echoed once, so the server has finished setting each one up.
        for (int i = 0; i < 3; i++) {
            assertEchoes(connect(server), 100, 30 + i, 0);
        }

        // Phase 2: the kernel's view of the server's three ends (local port = the server's port).
        List<ServerSockets> ends = ServerSockets.of(port);
        assertEquals(3, ends.size(), "ss should list the server's end of 3 connections on port " + port + ": " + ends);
        for (ServerSockets end : ends) {
            assertEquals(expected, end.sendBuffer(), "asked for SO_SNDBUF " + asked + ", so the kernel should hold "
                    + expected + " for the server's socket: the server did not apply the send buffer (" + ends + ")");
        }

        // Phase 3: a peer that reads nothing fills that small buffer; from here each write the
        // server makes to it is partial (or waits). The queue it reaches is the figure reported.
        RawClient stalled = connect(server, 64 * 1024);
        inBackground(() -> {
            stalled.write(BytePattern.bytes(40, 0, 1 << 20));
            return null;
        });
        long queued = awaitServerSendQueue(port);
        ConnectionMetrics.Snapshot m = server.metrics();
        String figure = String.format("asked %,d B, kernel tb %,d B on all %d server sockets; for a peer that stopped reading, "
                + "%,d B in the server's send queue and %,d B read but not yet written", asked, expected, ends.size(), queued,
                m.bytesRead() - m.bytesWritten());
        System.out.println("[contract] " + provider().name() + " send buffer: " + figure);
        assertTrue(queued > 0, "the server's send queue never filled for a peer that reads nothing");
    }

    // ---------------------------------------------------------------------------------
    // Helpers for the rules above (and for variants that add rules of their own)
    // ---------------------------------------------------------------------------------

    /** Starts a server from {@code config}; the suite shuts it down after the test. */
    protected final EchoServer start(EchoConfig config) throws IOException {
        EchoServer server = provider().start(config);
        servers.add(server);
        return server;
    }

    /** Connects a raw client to {@code server}; the suite closes it after the test. */
    protected final RawClient connect(EchoServer server) throws IOException {
        return connect(server, 0);
    }

    protected final RawClient connect(EchoServer server, int socketBufferBytes) throws IOException {
        RawClient client = RawClient.connect(server.localAddress(), socketBufferBytes);
        clients.add(client);
        return client;
    }

    /**
     * Sends {@code size} bytes of stream {@code seed} from {@code offset} and asserts the exact
     * bytes come back. The write runs on its own thread: a client that writes 1 MiB before
     * reading would deadlock against any server that applies backpressure.
     */
    protected final void assertEchoes(RawClient client, int size, long seed, long offset) throws Exception {
        byte[] message = BytePattern.bytes(seed, offset, size);
        Future<?> writer = inBackground(() -> {
            client.write(message);
            return null;
        });
        assertPattern(seed, offset, client.readExactly(size), "echo of " + size + " bytes");
        await(writer);
    }

    /** Runs {@code task} on a virtual thread the suite cleans up after the test. */
    protected final <T> Future<T> inBackground(Callable<T> task) {
        return background.submit(task);
    }

    /** The task's result; its failure is rethrown here, in the test. */
    protected static <T> T await(Future<T> task) throws Exception {
        try {
            return task.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        } catch (TimeoutException e) {
            task.cancel(true);
            throw new AssertionError("a background task did not finish within 30 s", e);
        }
    }

    private static void assertPattern(long seed, long offset, byte[] actual, String what) {
        long bad = BytePattern.firstMismatch(seed, offset, actual, 0, actual.length);
        assertEquals(-1, bad, what + ": first wrong byte at stream position " + bad);
    }

    private static void readFully(RawClient client, byte[] buf) throws IOException {
        byte[] got = client.readExactly(buf.length);
        System.arraycopy(got, 0, buf, 0, buf.length);
    }

    /** The largest Send-Q among the server's sockets on {@code port}, once one is non-zero (0 after 10 s). */
    private static long awaitServerSendQueue(int port) {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        long most = 0;
        int quietPolls = 0;
        while (System.nanoTime() - end < 0 && quietPolls < 5) {
            long now = ServerSockets.of(port).stream().mapToLong(ServerSockets::sendQueue).max().orElse(0);
            if (now > most) {
                most = now;
                quietPolls = 0;
            } else if (most > 0) {
                quietPolls++;
            }
            Eventually.pause(20);
        }
        return most;
    }

    /**
     * Waits until neither the client's writer nor the server's read counter has moved for
     * half a second: the server has stopped reading. Fails if the writer got everything
     * through instead, which means the server buffered it all.
     */
    private static void awaitStall(EchoServer server, AtomicLong written, Future<?> writer) {
        long quietNanos = Duration.ofMillis(500).toNanos();
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        long lastWritten = -1;
        long lastRead = -1;
        long quietSince = System.nanoTime();
        while (true) {
            if (writer.isDone()) {
                fail("the server took all " + written.get() + " bytes from a peer that never read: "
                        + "it buffers without bound (" + server.metrics() + ")");
            }
            long w = written.get();
            long r = server.metrics().bytesRead();
            long now = System.nanoTime();
            if (w != lastWritten || r != lastRead) {
                lastWritten = w;
                lastRead = r;
                quietSince = now;
            } else if (now - quietSince >= quietNanos) {
                return;
            }
            if (now - end > 0) {
                fail("the writer never stalled within 30 s (" + server.metrics() + ")");
            }
            Eventually.pause(20);
        }
    }

    @AfterEach
    final void closeEverything() throws Exception {
        for (RawClient c : clients) {
            c.close();
        }
        for (EchoServer s : servers) {
            s.shutdown(SHUTDOWN_DEADLINE);
        }
        background.shutdownNow();
        assertTrue(background.awaitTermination(10, TimeUnit.SECONDS), "a client thread did not stop");
    }
}
