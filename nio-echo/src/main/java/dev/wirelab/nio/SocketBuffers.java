package dev.wirelab.nio;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.NetworkChannel;
import java.util.Map;

/**
 * The selector server's options: fixed kernel socket buffer sizes.
 *
 * <ul>
 *   <li>{@code sndbuf=BYTES}: {@code SO_SNDBUF} of every accepted socket. A small send buffer
 *       makes partial writes (and so {@code OP_WRITE} and backpressure) happen early; the tests
 *       use that to exercise those paths on loopback, where Linux otherwise grows the buffer
 *       to megabytes.</li>
 *   <li>{@code rcvbuf=BYTES}: {@code SO_RCVBUF}, set on the listening socket so accepted
 *       sockets inherit it before the handshake (the TCP window scale is agreed then).</li>
 * </ul>
 * Setting either one turns off Linux's buffer auto-tuning for that direction; Linux also
 * doubles the value to leave room for its bookkeeping ({@code man 7 socket}).
 *
 * @param sendBufferBytes    {@code SO_SNDBUF}, or 0 to leave the OS default
 * @param receiveBufferBytes {@code SO_RCVBUF}, or 0 to leave the OS default
 */
record SocketBuffers(int sendBufferBytes, int receiveBufferBytes) {

    static final String SNDBUF = "sndbuf";
    static final String RCVBUF = "rcvbuf";

    /** Reads the options; an unknown key or a bad number is an error that says what is allowed. */
    static SocketBuffers from(Map<String, String> options) {
        int send = 0;
        int receive = 0;
        for (Map.Entry<String, String> option : options.entrySet()) {
            switch (option.getKey()) {
                case SNDBUF -> send = bytes(option);
                case RCVBUF -> receive = bytes(option);
                default -> throw new IllegalArgumentException("unknown option '" + option.getKey()
                        + "' for the nio server; it knows " + SNDBUF + "=BYTES and " + RCVBUF + "=BYTES");
            }
        }
        return new SocketBuffers(send, receive);
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
        if (sendBufferBytes > 0 && channel.supportedOptions().contains(StandardSocketOptions.SO_SNDBUF)) {
            channel.setOption(StandardSocketOptions.SO_SNDBUF, sendBufferBytes);
        }
        if (receiveBufferBytes > 0) {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, receiveBufferBytes);
        }
    }
}
