package dev.wirelab.core.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.wirelab.core.metrics.ConnectionMetrics;
import dev.wirelab.core.metrics.Gauge;

/**
 * The smallest correct echo server that keeps {@link ConnectionMetrics}: one platform thread per
 * connection, blocking streams. The load generator's tests run against it so that they need no
 * server variant (core depends on none); the variants themselves are proven by the contract suite.
 */
final class CountingEchoServer implements AutoCloseable {

    private final ServerSocket listener;
    private final ConnectionMetrics metrics = new ConnectionMetrics();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

    CountingEchoServer() throws IOException {
        this.listener = new ServerSocket(0, 256, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("counting-echo-acceptor").start(this::acceptLoop);
    }

    InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    ConnectionMetrics.Snapshot metrics() {
        return metrics.snapshot();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                metrics.accepted().increment();
                Gauge.Guard active = metrics.active().enter();
                sockets.add(socket);
                Thread.ofPlatform().daemon().start(() -> serve(socket, active));
            } catch (IOException e) {
                return;   // the test closed the listener
            }
        }
    }

    private void serve(Socket socket, Gauge.Guard active) {
        try (active; socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            socket.setTcpNoDelay(true);
            byte[] buffer = new byte[16 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                metrics.bytesRead().add(n);
                out.write(buffer, 0, n);
                metrics.bytesWritten().add(n);
            }
        } catch (IOException e) {
            metrics.errors().increment();
        } finally {
            sockets.remove(socket);
            metrics.closed().increment();
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
