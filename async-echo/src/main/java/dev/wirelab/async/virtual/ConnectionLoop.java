package dev.wirelab.async.virtual;

import java.io.IOException;
import java.net.Socket;

import dev.wirelab.core.echo.EchoConfig;
import dev.wirelab.core.metrics.ConnectionMetrics;
import dev.wirelab.core.protocol.Session;

/**
 * What one connection's virtual thread does between accept and close. The server owns the
 * socket (it closes it and counts the outcome); a loop only moves bytes between the socket
 * and the connection's {@link Session} (which decides what to answer: echo, HTTP), and
 * reports how it ended by returning (the peer or the protocol closed) or throwing.
 *
 * <p>Two implementations: {@link EchoLoop} (read, write, repeat — one thread) and
 * {@link SplitEcho} (a reader and a writer thread joined by a bounded queue).
 */
interface ConnectionLoop {

    /**
     * Serves until the peer ends the stream or the session asks to close.
     *
     * @param clock told when each blocking read starts and ends, for the {@link IdleReaper}
     * @throws java.net.SocketTimeoutException when the peer was silent for {@code idleTimeout} (timed reads)
     * @throws IOException                     when the connection broke (reset, broken pipe)
     * @throws InterruptedException            when the server shut down forcibly
     */
    void serve(Socket socket, Session session, EchoConfig config, ConnectionMetrics metrics, IdleReaper.ReadClock clock)
            throws IOException, InterruptedException;
}
