package dev.wirelab.actor.akka;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import dev.wirelab.core.echo.EchoServer;

/** Small blocking loopback clients and a polling helper for the server tests. */
final class TestClients {

    static final Duration WAIT = Duration.ofSeconds(10);

    private TestClients() {
    }

    /** A connected client with a read timeout, so a missing echo fails the test instead of hanging it. */
    static Socket connect(EchoServer server) throws IOException {
        var socket = new Socket(server.localAddress().getAddress(), server.localAddress().getPort());
        socket.setSoTimeout((int) WAIT.toMillis());
        socket.setTcpNoDelay(true);
        return socket;
    }

    static byte[] readExactly(InputStream in, int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new IOException("stream ended after " + bytes.length + " of " + length + " bytes");
        }
        return bytes;
    }

    /** Bytes 0..n-1 of a repeating, position-dependent pattern: a reordered or lost byte shows. */
    static byte[] pattern(int length, int seed) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) ((i * 31 + seed) % 251);
        }
        return bytes;
    }

    /** True once the server has closed the socket: a read sees end of stream or a reset. */
    static boolean closedByServer(Socket socket) throws IOException {
        try {
            return socket.getInputStream().read() == -1;
        } catch (SocketException reset) {
            return true;
        }
    }

    /** Polls {@code condition} until it holds or {@link #WAIT} passes; says what was awaited on failure. */
    static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + WAIT + " waiting until " + what);
            }
            Thread.sleep(10);
        }
    }
}
