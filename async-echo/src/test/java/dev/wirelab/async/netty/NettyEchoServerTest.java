package dev.wirelab.async.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.wirelab.async.netty.leak.NoNettyLeaks;
import dev.wirelab.core.echo.EchoConfig;
import io.netty.channel.WriteBufferWaterMark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What the Netty server adds beyond the shared contract: transport choice, option checking, water marks. */
@ExtendWith(NoNettyLeaks.class)
class NettyEchoServerTest {

    private static final EchoConfig BASE = EchoConfig.defaults().withIoThreads(1);

    /** A transport asked for by name is the one that runs, and details() says so; an unavailable one is skipped loudly. */
    @ParameterizedTest
    @EnumSource(Transport.class)
    @Timeout(30)
    void runsTheTransportItWasAskedForAndReportsIt(Transport transport) throws Exception {
        TransportAssumptions.assumeAvailable(transport);
        try (NettyEchoServer server = NettyEchoServer.start(BASE.withOption(NettyEchoServer.TRANSPORT_OPTION, transport.optionValue()))) {
            assertEquals(transport, server.transport());
            assertTrue(server.details().startsWith("transport=" + transport.optionValue() + ","), server.details());
            assertEquals("wirelab", roundTrip(server, "wirelab"));
        }
    }

    /** auto runs the best available transport (io_uring, then epoll, then NIO) and marks the choice as automatic. */
    @Test
    @Timeout(30)
    void autoPicksTheBestAvailableTransportAndSaysItChose() throws Exception {
        try (NettyEchoServer server = NettyEchoServer.start(BASE)) {
            Transport best = Transport.best();
            assertEquals(best, server.transport());
            assertTrue(server.details().startsWith("transport=" + best.optionValue() + " (auto),"), server.details());
            for (Transport better : Transport.values()) {
                if (better.compareTo(best) > 0) {   // declared after best = preferred over it
                    assertTrue(!better.isAvailable(), better + " is available, yet auto picked " + best);
                }
            }
        }
    }

    /** A misspelt transport fails at start with the valid spellings, before any thread starts. */
    @Test
    void rejectsAnUnknownTransportNamingTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NettyEchoServer.start(BASE.withOption(NettyEchoServer.TRANSPORT_OPTION, "kqueue")));
        assertEquals("unknown transport 'kqueue'; use one of auto, nio, epoll, io_uring", e.getMessage());
    }

    /** Options are checked, not ignored: a typo in a key would otherwise silently benchmark the default. */
    @Test
    void rejectsAnUnknownOptionKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NettyEchoServer.start(BASE.withOption("transprot", "nio")));
        assertEquals("netty: unknown option(s) [transprot]; the only option is transport=auto|nio|epoll|io_uring", e.getMessage());
    }

    /** Option values are case-insensitive: EPOLL and epoll name the same transport. */
    @Test
    void resolvesTransportNamesCaseInsensitively() {
        assertEquals(Transport.NIO, Transport.resolve(" NIO "));
        assertEquals(Transport.best(), Transport.resolve("Auto"));
    }

    /** The high water mark leaves room for the one read in hand, so unsent output never exceeds maxPendingWriteBytes. */
    @Test
    void sizesWaterMarksSoPendingOutputStaysWithinTheBound() {
        WriteBufferWaterMark marks = NettyEchoServer.waterMark(BASE.withReadBufferSize(16 * 1024).withMaxPendingWriteBytes(256 * 1024));
        assertEquals(240 * 1024, marks.high());
        assertEquals(120 * 1024, marks.low());
        // The smallest legal bound (one read buffer) means: stop reading as soon as anything is unsent.
        WriteBufferWaterMark tight = NettyEchoServer.waterMark(BASE.withReadBufferSize(4096).withMaxPendingWriteBytes(4096));
        assertEquals(0, tight.high());
        assertEquals(0, tight.low());
    }

    /** lab doctor's line names what auto picks and the state of every transport. */
    @Test
    void describesTransportAvailabilityInOneLine() {
        String line = Transport.availability();
        assertTrue(line.startsWith("auto picks " + Transport.best().optionValue() + "; "), line);
        for (Transport t : Transport.values()) {
            assertTrue(line.contains(t.optionValue() + (t.isAvailable() ? " available" : " unavailable (")), line);
        }
        assertEquals(1, line.lines().count(), line);
    }

    /** Shutting down returns within its deadline and reports success when nothing is connected. */
    @Test
    @Timeout(30)
    void shutsDownItsEventLoopsWithinTheDeadline() throws Exception {
        NettyEchoServer server = NettyEchoServer.start(BASE);
        assertTrue(server.shutdown(Duration.ofSeconds(5)), "shutdown missed its deadline");
        assertTrue(server.shutdown(Duration.ofSeconds(5)), "a second shutdown failed");
    }

    private static String roundTrip(NettyEchoServer server, String text) throws Exception {
        try (Socket socket = new Socket(server.localAddress().getAddress(), server.localAddress().getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(text.getBytes(StandardCharsets.US_ASCII));
            return new String(in.readNBytes(text.length()), StandardCharsets.US_ASCII);
        }
    }
}
