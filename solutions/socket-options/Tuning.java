package exercises.tuning;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;

/* Reference solution for socket-options: set, then read every option back from the socket. */
public final class Tuning {

    public record Applied(boolean noDelay, boolean keepAlive, int sendBuffer, int receiveBuffer) {
    }

    private Tuning() {
    }

    public static Applied forLatency(SocketChannel channel) throws IOException {
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        channel.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
        return readBack(channel);
    }

    public static Applied forBulk(SocketChannel channel, int bufferBytes) throws IOException {
        channel.setOption(StandardSocketOptions.TCP_NODELAY, false);
        channel.setOption(StandardSocketOptions.SO_SNDBUF, bufferBytes);
        channel.setOption(StandardSocketOptions.SO_RCVBUF, bufferBytes);
        return readBack(channel);
    }

    public static Applied readBack(SocketChannel channel) throws IOException {
        return new Applied(
                channel.getOption(StandardSocketOptions.TCP_NODELAY),
                channel.getOption(StandardSocketOptions.SO_KEEPALIVE),
                channel.getOption(StandardSocketOptions.SO_SNDBUF),
                channel.getOption(StandardSocketOptions.SO_RCVBUF));
    }
}
