package exercises.tuning;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;

/*
 * Exercise socket-options: tune a socket, then believe only what it says back.
 *
 * Two connections, two needs:
 *   - latency (a request/response protocol with small messages): turn Nagle's algorithm off
 *     (TCP_NODELAY), or a small write may wait for the ACK of the previous one; and turn
 *     SO_KEEPALIVE on so a silently dead peer is found eventually.
 *   - bulk transfer (large messages): Nagle on is fine, and bigger socket buffers let more
 *     bytes be in flight per round trip (the bandwidth-delay product).
 *
 * The catch: the kernel decides. Linux doubles the buffer size you ask for (half is its own
 * bookkeeping) and caps it at net.core.wmem_max / rmem_max; other systems round or refuse.
 * A tuning step that reports what it *asked for* is lying. Report what the socket *has*.
 */
public final class Tuning {

    /** The options as the socket reports them. */
    public record Applied(boolean noDelay, boolean keepAlive, int sendBuffer, int receiveBuffer) {
    }

    private Tuning() {
    }

    /** Tunes for small request/response messages and returns the options as the socket now has them. */
    public static Applied forLatency(SocketChannel channel) throws IOException {
        // TODO: TCP_NODELAY on, SO_KEEPALIVE on; then return readBack(channel).
        throw new UnsupportedOperationException("socket-options: forLatency is not written yet (run: lab hint socket-options)");
    }

    /** Tunes for bulk transfer with {@code bufferBytes} of send and receive buffer; returns what the socket has. */
    public static Applied forBulk(SocketChannel channel, int bufferBytes) throws IOException {
        // TODO: TCP_NODELAY off, SO_SNDBUF and SO_RCVBUF = bufferBytes; then return readBack(channel).
        throw new UnsupportedOperationException("socket-options: forBulk is not written yet (run: lab hint socket-options)");
    }

    /** The four options, read from the socket itself. */
    public static Applied readBack(SocketChannel channel) throws IOException {
        // TODO: getOption for each of the four.
        throw new UnsupportedOperationException("socket-options: readBack is not written yet (run: lab hint socket-options)");
    }
}
