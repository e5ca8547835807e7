package dev.wirelab.nio.selector;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.NetworkChannel;
import java.util.Map;

import dev.wirelab.core.echo.EchoConfig;

/**
 * The selector server's options: fixed kernel socket buffer sizes, and Nagle's algorithm.
 *
 * <ul>
 *   <li>{@code sndbuf=BYTES}: {@code SO_SNDBUF} of every accepted socket, the same setting as
 *       {@link EchoConfig#sendBufferSize()} (which every server applies), kept as an option because
 *       {@code lab tune} and the tour spell it {@code nio@sndbuf=}. Giving both with different values
 *       is an error. A small send buffer makes partial writes (and so {@code OP_WRITE} and
 *       backpressure) happen early, even on loopback, where Linux otherwise grows the buffer to
 *       megabytes.</li>
 *   <li>{@code rcvbuf=BYTES}: {@code SO_RCVBUF}, set on the listening socket so accepted
 *       sockets inherit it before the handshake (the TCP window scale is agreed then).</li>
 *   <li>{@code nodelay=true|false}: {@code TCP_NODELAY} on accepted sockets, {@code true} by
 *       default. {@code false} exists for the OS-tuning chapter ({@code lab tune}): with Nagle
 *       on, a small echo written while an earlier one is unacknowledged waits for the peer's
 *       ACK, which a peer using delayed ACKs holds back for up to tens of milliseconds.</li>
 * </ul>
 * Setting either one turns off Linux's buffer auto-tuning for that direction; Linux also
 * doubles the value to leave room for its bookkeeping ({@code man 7 socket}).
 *
 * @param sendBufferBytes    {@code SO_SNDBUF}, or 0 to leave the OS default
 * @param receiveBufferBytes {@code SO_RCVBUF}, or 0 to leave the OS default
 * @param noDelay            {@code TCP_NODELAY} on accepted sockets
 */
record SocketTuning(int sendBufferBytes, int receiveBufferBytes, boolean noDelay) {

    static final String SNDBUF = "sndbuf";
    static final String RCVBUF = "rcvbuf";
    static final String NODELAY = "nodelay";

    /** The config's send buffer and its options ({@code sndbuf=} may repeat the send buffer, not contradict it). */
    static SocketTuning from(EchoConfig config) {
        SocketTuning tuning = from(config.options());
        int asked = config.sendBufferSize();
        if (asked == 0 || tuning.sendBufferBytes == asked) {
            return tuning;
        }
        if (tuning.sendBufferBytes != 0) {
            throw new IllegalArgumentException("option " + SNDBUF + "=" + tuning.sendBufferBytes + " contradicts the send buffer size "
                    + asked + "; give the size once");
        }
        return new SocketTuning(asked, tuning.receiveBufferBytes, tuning.noDelay);
    }

    /** Reads the options; an unknown key or a bad number is an error that says what is allowed. */
    static SocketTuning from(Map<String, String> options) {
        int send = 0;
        int receive = 0;
        boolean noDelay = true;
        for (Map.Entry<String, String> option : options.entrySet()) {
            switch (option.getKey()) {
                case SNDBUF -> send = bytes(option);
                case RCVBUF -> receive = bytes(option);
                case NODELAY -> noDelay = bool(option);
                default -> throw new IllegalArgumentException("unknown option '" + option.getKey()
                        + "' for the nio server; it knows " + SNDBUF + "=BYTES, " + RCVBUF + "=BYTES and "
                        + NODELAY + "=true|false");
            }
        }
        return new SocketTuning(send, receive, noDelay);
    }

    private static boolean bool(Map.Entry<String, String> option) {
        return switch (option.getValue().strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("option " + option.getKey() + " must be true or false, was '"
                    + option.getValue() + "'");
        };
    }

    private static int bytes(Map.Entry<String, String> option) {
        try {
            int value = Integer.parseInt(option.getValue().strip());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the key and the value
        }
        throw new IllegalArgumentException("option " + option.getKey() + " must be a positive number of bytes, was '"
                + option.getValue() + "'");
    }

    /** Applies whichever sizes are set; the receive size on a listening socket is inherited by accepted ones. */
    void applyTo(NetworkChannel channel) throws IOException {
        if (channel.supportedOptions().contains(StandardSocketOptions.TCP_NODELAY)) {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, noDelay);
        }
        if (sendBufferBytes > 0 && channel.supportedOptions().contains(StandardSocketOptions.SO_SNDBUF)) {
            channel.setOption(StandardSocketOptions.SO_SNDBUF, sendBufferBytes);
        }
        if (receiveBufferBytes > 0) {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, receiveBufferBytes);
        }
    }
}
