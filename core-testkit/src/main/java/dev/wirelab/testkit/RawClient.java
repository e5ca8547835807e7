package dev.wirelab.testkit;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;

/**
 * A plain blocking TCP client for contract tests: raw bytes in, raw bytes out, nothing
 * between the test and the wire.
 *
 * <p>Every read carries a timeout ({@link #READ_TIMEOUT_MILLIS}), so a server that never
 * answers makes a test fail with a message instead of hanging the build.
 */
public final class RawClient implements AutoCloseable {

    /** The longest a single read waits before the test is declared failed. */
    public static final int READ_TIMEOUT_MILLIS = 10_000;

    /** How a connection ended, seen from the client. */
    public enum Ending {
        /** The server closed its side normally: read returned end-of-stream (a FIN). */
        END_OF_STREAM,
        /** The server reset the connection (an RST); some servers refuse this way. */
        RESET
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Connects with default socket buffers. */
    public static RawClient connect(InetSocketAddress server) throws IOException {
        return connect(server, 0);
    }

    /**
     * Connects; a positive {@code socketBufferBytes} fixes both socket buffers before the
     * handshake (which also turns off the kernel's buffer auto-tuning for this socket).
     */
    public static RawClient connect(InetSocketAddress server, int socketBufferBytes) throws IOException {
        Socket socket = new Socket();
        try {
            if (socketBufferBytes > 0) {
                socket.setReceiveBufferSize(socketBufferBytes);
                socket.setSendBufferSize(socketBufferBytes);
            }
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            socket.connect(server, READ_TIMEOUT_MILLIS);
            return new RawClient(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    public Socket socket() {
        return socket;
    }

    public void write(byte[] bytes) throws IOException {
        out.write(bytes);
    }

    public void write(byte[] bytes, int from, int length) throws IOException {
        out.write(bytes, from, length);
    }

    /** Reads exactly {@code length} bytes; end-of-stream before that is an {@link EOFException}. */
    public byte[] readExactly(int length) throws IOException {
        byte[] buf = new byte[length];
        int got = 0;
        while (got < length) {
            int n = in.read(buf, got, length - got);
            if (n < 0) {
                throw new EOFException("server closed after " + got + " of " + length + " expected bytes");
            }
            got += n;
        }
        return buf;
    }

    /** Reads up to {@code buf.length} bytes (at least one), or returns -1 at end-of-stream. */
    public int read(byte[] buf) throws IOException {
        return in.read(buf);
    }

    /**
     * Waits for the server to end the connection without sending anything more.
     *
     * @throws IOException if bytes arrive instead, or nothing happens within the read timeout
     */
    public Ending awaitClosedByServer() throws IOException {
        try {
            int b = in.read();
            if (b >= 0) {
                throw new IOException("expected the server to close, but it sent byte " + b);
            }
            return Ending.END_OF_STREAM;
        } catch (SocketTimeoutException e) {
            throw new SocketTimeoutException("the server did not close the connection within "
                    + READ_TIMEOUT_MILLIS + " ms");
        } catch (SocketException e) {
            // "Connection reset": the server closed with an RST rather than a FIN.
            return Ending.RESET;
        }
    }

    /** Half-close: tells the server "no more data from me" while still reading its echo. */
    public void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    /** Closes abruptly: SO_LINGER 0 makes the kernel send an RST and drop unsent data. */
    public void reset() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
