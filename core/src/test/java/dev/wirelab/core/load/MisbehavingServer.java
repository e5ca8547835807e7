package dev.wirelab.core.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A deliberately wrong echo server for testing the load generator's checks: thread per
 * connection, with one fault chosen by the test. Never used outside tests.
 */
final class MisbehavingServer implements AutoCloseable {

    /** What goes wrong. */
    enum Fault {
        /** Echoes everything, but with the bits of stream byte 1,000 of each connection inverted. */
        FLIPS_BYTE_1000,
        /** Reads the first chunk and closes without echoing it. */
        CLOSES_AFTER_FIRST_READ,
        /** Reads everything and never echoes a byte. */
        NEVER_ANSWERS
    }

    private final ServerSocket listener;
    private final Fault fault;
    private final List<Socket> sockets = new ArrayList<>();

    MisbehavingServer(Fault fault) throws IOException {
        this.fault = fault;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().start(this::acceptLoop);
    }

    InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    private void acceptLoop() {
        try {
            while (true) {
                Socket s = listener.accept();
                synchronized (sockets) {
                    sockets.add(s);
                }
                Thread.ofPlatform().daemon().start(() -> serve(s));
            }
        } catch (IOException e) {
            // The test closed the listener.
        }
    }

    private void serve(Socket s) {
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            byte[] buf = new byte[4096];
            long position = 0;
            int n;
            while (fault != Fault.NEVER_ANSWERS && (n = in.read(buf)) > 0) {
                if (fault == Fault.CLOSES_AFTER_FIRST_READ) {
                    return;
                }
                if (position <= 1000 && 1000 < position + n) {
                    buf[(int) (1000 - position)] ^= (byte) 0xFF;
                }
                position += n;
                out.write(buf, 0, n);
            }
            if (fault == Fault.NEVER_ANSWERS) {
                in.readAllBytes();   // hold the connection until the client goes away
            }
        } catch (IOException e) {
            // The client went away: the test looks at what the client saw.
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        synchronized (sockets) {
            for (Socket s : sockets) {
                s.close();
            }
        }
    }
}
