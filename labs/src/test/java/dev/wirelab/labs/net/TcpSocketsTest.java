package dev.wirelab.labs.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** TCP_CONGESTION and TCP_INFO through FFM, on loopback (no root needed). */
@Timeout(30)
class TcpSocketsTest {

    /** Each socket gets the algorithm asked for, and the kernel says so when asked back; the two sockets differ. */
    @Test
    void setsTheCongestionControlOfOneSocket() throws Exception {
        List<String> offered = TcpSockets.availableCongestionControl();
        Assumptions.assumeTrue(offered.contains("reno") && offered.size() >= 2,
                "SKIPPED: needs Linux with reno and one more congestion-control algorithm, has " + offered);
        String other = offered.stream().filter(a -> !a.equals("reno")).findFirst().orElseThrow();
        try (ServerSocketChannel server = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             SocketChannel a = SocketChannel.open(server.getLocalAddress());
             SocketChannel b = SocketChannel.open(server.getLocalAddress());
             SocketChannel peerA = server.accept();
             SocketChannel peerB = server.accept()) {
            int fdA = TcpSockets.fd(a);
            int fdB = TcpSockets.fd(b);
            TcpSockets.setCongestionControl(fdA, "reno");
            TcpSockets.setCongestionControl(fdB, other);
            assertEquals("reno", TcpSockets.congestionControl(fdA));
            assertEquals(other, TcpSockets.congestionControl(fdB));

            a.write(ByteBuffer.allocate(10_000));
            ByteBuffer in = ByteBuffer.allocate(10_000);
            while (in.hasRemaining()) {
                peerA.read(in);
            }
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (TcpSockets.info(fdA).bytesAcked() < 10_000 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            TcpSockets.TcpInfo info = TcpSockets.info(fdA);
            assertTrue(info.bytesAcked() >= 10_000, info.toString());
            assertTrue(info.rttMicros() > 0 && info.congestionWindow() > 0, info.toString());
        }
    }
}
