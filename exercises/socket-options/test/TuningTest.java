package exercises.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

// The tests of exercise socket-options. Do not change this file: lab check runs it as it is.
class TuningTest {

    private ServerSocketChannel server;
    private SocketChannel client;
    private SocketChannel accepted;

    @BeforeEach
    void connect() throws IOException {
        server = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        client = SocketChannel.open(server.getLocalAddress());
        accepted = server.accept();
    }

    @AfterEach
    void close() throws IOException {
        client.close();
        accepted.close();
        server.close();
    }

    /** The socket as the test itself reads it. */
    private static Tuning.Applied actual(SocketChannel c) throws IOException {
        return new Tuning.Applied(c.getOption(StandardSocketOptions.TCP_NODELAY), c.getOption(StandardSocketOptions.SO_KEEPALIVE),
                c.getOption(StandardSocketOptions.SO_SNDBUF), c.getOption(StandardSocketOptions.SO_RCVBUF));
    }

    /** Tuned for latency: Nagle off and keep-alive on, as the socket itself reports. */
    @Test
    void latencyTurnsNagleOffAndKeepAliveOn() throws IOException {
        Tuning.Applied applied = Tuning.forLatency(client);
        assertTrue(client.getOption(StandardSocketOptions.TCP_NODELAY), "TCP_NODELAY is still off");
        assertTrue(client.getOption(StandardSocketOptions.SO_KEEPALIVE), "SO_KEEPALIVE is still off");
        assertEquals(actual(client), applied, "the report must be what the socket says");
    }

    /** Tuned for bulk: Nagle on, buffers at least what was asked, and the report is the socket's figures (Linux doubles them). */
    @Test
    void bulkSetsBuffersAndReportsWhatTheKernelGave() throws IOException {
        client.setOption(StandardSocketOptions.TCP_NODELAY, true);
        int asked = 32 * 1024;
        Tuning.Applied applied = Tuning.forBulk(client, asked);
        assertFalse(client.getOption(StandardSocketOptions.TCP_NODELAY), "bulk transfer should leave Nagle on");
        assertTrue(client.getOption(StandardSocketOptions.SO_SNDBUF) >= asked, "SO_SNDBUF was not raised to " + asked);
        assertTrue(client.getOption(StandardSocketOptions.SO_RCVBUF) >= asked, "SO_RCVBUF was not raised to " + asked);
        assertEquals(actual(client), applied, "the report must be what the socket says, not what was asked");
    }

    /** readBack reports a socket it did not tune, option by option. */
    @Test
    void readBackReadsTheSocket() throws IOException {
        accepted.setOption(StandardSocketOptions.TCP_NODELAY, true);
        accepted.setOption(StandardSocketOptions.SO_KEEPALIVE, false);
        assertEquals(actual(accepted), Tuning.readBack(accepted));
        accepted.setOption(StandardSocketOptions.TCP_NODELAY, false);
        accepted.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
        assertEquals(actual(accepted), Tuning.readBack(accepted));
    }
}
