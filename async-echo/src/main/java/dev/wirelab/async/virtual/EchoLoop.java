package dev.wirelab.async.virtual;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;

import dev.wirelab.core.echo.EchoConfig;
import dev.wirelab.core.metrics.ConnectionMetrics;
import dev.wirelab.core.protocol.Outgoing;
import dev.wirelab.core.protocol.Session;

/**
 * A connection as straight-line blocking code: read, let the protocol answer, write, repeat.
 *
 * <p>This is what {@code async fn} + {@code .await} buys in Rust, bought in Java by the runtime
 * instead of the compiler. On a virtual thread, {@code in.read} does not hold an OS thread while
 * it waits: the JDK registers the socket with its poller (epoll on Linux), unmounts the virtual
 * thread from its carrier, and mounts it again — maybe on another carrier — when data arrives.
 *
 * <p><b>Backpressure for free.</b> {@code out.write} returns only when the kernel has taken every
 * byte. If the peer stops reading, its receive window and our send buffer fill, the write parks,
 * and because this one thread is also the reader, nothing more is read: the unsent data per
 * connection is bounded by one read buffer, with no water marks and no {@code autoRead} switch.
 * The same property is why the sender eventually stalls too — TCP flow control carries the
 * pressure all the way back.
 */
final class EchoLoop implements ConnectionLoop {

    @Override
    public void serve(Socket socket, Session session, EchoConfig config, ConnectionMetrics metrics,
                      IdleReaper.ReadClock clock) throws IOException {
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        byte[] buffer = new byte[config.readBufferSize()];
        ByteBuffer input = ByteBuffer.wrap(buffer);
        Outgoing reply = new Outgoing();
        while (true) {
            clock.reading();
            int n = in.read(buffer);
            clock.idle();
            if (n == -1) {
                break; // the peer shut down its output (close or half-close): everything read was answered
            }
            metrics.bytesRead().add(n);
            session.onInput(input.clear().limit(n), reply);   // echo hands `input` straight back: no copy
            send(reply, out, metrics);
            if (session.closeAfterOutput()) {
                return;
            }
        }
        session.onEndOfInput(reply);
        send(reply, out, metrics);
    }

    private static void send(Outgoing reply, OutputStream out, ConnectionMetrics metrics) throws IOException {
        metrics.bytesWritten().add(reply.writeTo(out));
        reply.clear();
    }
}
