package dev.wirelab.core.load;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * What the {@link LoadGenerator} does to an echo server: how many connections, how big each
 * message is, how many are in flight, for how long, and at what pace.
 *
 * <p><b>Closed loop</b> ({@code rate == 0}): each connection keeps {@code pipeline} messages
 * in flight and sends the next one the moment an echo completes, so a slow server slows
 * the client down too. That is how many benchmarks run, and it hides stalls: while the
 * server is stuck, the client sends nothing, so nothing records how long it would have
 * waited (coordinated omission).
 *
 * <p><b>Open loop</b> ({@code rate > 0}): messages are due on a fixed schedule
 * ({@code rate} per second over all connections), whatever the server does. Each latency is
 * measured from the time its message was <em>due</em>, not from when it left, so a stall
 * shows up in the latency of every message it delayed. {@code pipeline} still caps the
 * messages in flight per connection, which keeps the client's memory bounded; a message held
 * back by that cap waits, and its wait counts as latency.
 *
 * <p>The run is always bounded in time: at most {@code connectTimeout + warmup + duration}
 * plus a fixed drain period ({@link LoadGenerator#DRAIN_TIMEOUT}) for echoes still in flight.
 *
 * @param target         the echo server
 * @param connections    connections opened before the clock starts
 * @param messageSize    bytes per message
 * @param pipeline       messages in flight per connection (1 = send, wait for the echo, send again)
 * @param duration       the measured window; the run stops sending when it ends
 * @param messages       stop after this many measured messages over all connections; 0 = no limit (duration decides)
 * @param rate           open loop: messages per second over all connections; 0 = closed loop
 * @param warmup         time spent sending before measuring starts (lets the JIT and the socket buffers settle)
 * @param connectTimeout how long the connect phase may take; connections not up by then count as connect failures
 * @param threads        client I/O threads, each one selector loop serving a share of the connections
 * @param socket         the client sockets' options ({@link Socket#DEFAULT}: no Nagle, the OS's buffers, whole writes)
 */
public record LoadSpec(
        InetSocketAddress target,
        int connections,
        int messageSize,
        int pipeline,
        Duration duration,
        long messages,
        double rate,
        Duration warmup,
        Duration connectTimeout,
        int threads,
        Socket socket) {

    public static final int DEFAULT_CONNECTIONS = 4;
    public static final int DEFAULT_MESSAGE_SIZE = 64;
    public static final Duration DEFAULT_DURATION = Duration.ofSeconds(10);
    public static final Duration DEFAULT_WARMUP = Duration.ofSeconds(2);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final int MAX_MESSAGE_SIZE = 16 * 1024 * 1024;

    public LoadSpec {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(warmup, "warmup");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(socket, "socket");
        require(connections >= 1 && connections <= 100_000, "connections must be 1..100000, was " + connections);
        require(messageSize >= 1 && messageSize <= MAX_MESSAGE_SIZE,
                "message size must be 1 B..16 MiB, was " + messageSize);
        require(pipeline >= 1 && pipeline <= 10_000, "pipeline must be 1..10000 messages in flight, was " + pipeline);
        require(duration.isPositive() && duration.compareTo(Duration.ofHours(1)) <= 0,
                "duration must be more than 0 and at most 1 h (the run is always bounded in time), was " + duration);
        require(messages >= 0, "messages must be 0 (no limit) or more, was " + messages);
        require(rate >= 0 && Double.isFinite(rate), "rate must be 0 (closed loop) or a positive messages/s, was " + rate);
        require(!warmup.isNegative() && warmup.compareTo(Duration.ofMinutes(10)) <= 0,
                "warm-up must be 0..10 min, was " + warmup);
        require(connectTimeout.isPositive(), "connect timeout must be positive, was " + connectTimeout);
        require(threads >= 1 && threads <= 64, "threads must be 1..64, was " + threads);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Four connections, 64 B messages, one in flight each, closed loop, 10 s after a 2 s warm-up, one client thread. */
    public static LoadSpec defaults(InetSocketAddress target) {
        return new LoadSpec(target, DEFAULT_CONNECTIONS, DEFAULT_MESSAGE_SIZE, 1, DEFAULT_DURATION, 0, 0,
                DEFAULT_WARMUP, DEFAULT_CONNECT_TIMEOUT, 1, Socket.DEFAULT);
    }

    /** {@code 127.0.0.1:8080}: the address as a number when it is resolved, else the host name as given. */
    public String targetText() {
        String host = target.isUnresolved() ? target.getHostString() : target.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + target.getPort();
    }

    public boolean openLoop() {
        return rate > 0;
    }

    public LoadSpec withConnections(int connections) {
        return new LoadSpec(target, connections, messageSize, pipeline, duration, messages, rate, warmup, connectTimeout, threads, socket);
    }

    public LoadSpec withMessageSize(int messageSize) {
        return new LoadSpec(target, connections, messageSize, pipeline, duration, messages, rate, warmup, connectTimeout, threads, socket);
    }

    public LoadSpec withPipeline(int pipeline) {
        return new LoadSpec(target, connections, messageSize, pipeline, duration, messages, rate, warmup, connectTimeout, threads, socket);
    }

    public LoadSpec withDuration(Duration duration) {
        return new LoadSpec(target, connections, messageSize, pipeline, duration, messages, rate, warmup, connectTimeout, threads, socket);
    }

    public LoadSpec withMessages(long messages) {
        return new LoadSpec(target, connections, messageSize, pipeline, duration, messages, rate, warmup, connectTimeout, threads, socket);
    }

    public LoadSpec withRate(double rate) {
        return new LoadSpec(target, connections, messageSize, pipeline, duration, messages, rate, warmup, connectTimeout, threads, socket);
    }

    public LoadSpec withWarmup(Duration warmup) {
        return new LoadSpec(target, connections, messageSize, pipeline, duration, messages, rate, warmup, connectTimeout, threads, socket);
    }

    public LoadSpec withConnectTimeout(Duration connectTimeout) {
        return new LoadSpec(target, connections, messageSize, pipeline, duration, messages, rate, warmup, connectTimeout, threads, socket);
    }

    public LoadSpec withSocket(Socket socket) {
        return new LoadSpec(target, connections, messageSize, pipeline, duration, messages, rate, warmup, connectTimeout, threads, socket);
    }

    public LoadSpec withThreads(int threads) {
        return new LoadSpec(target, connections, messageSize, pipeline, duration, messages, rate, warmup, connectTimeout, threads, socket);
    }

    /** One line for reports: {@code 4 conns × 64 B, pipeline 1, closed loop, 10 s (+2 s warm-up)}. */
    public String summary() {
        String pace = openLoop() ? String.format("open loop at %,.0f msg/s", rate) : "closed loop";
        String stop = messages > 0 ? String.format("%,d msgs or %s", messages, seconds(duration)) : seconds(duration);
        return String.format("%d conns x %d B, pipeline %d, %s, %s (+%s warm-up), %d client thread%s%s",
                connections, messageSize, pipeline, pace, stop, seconds(warmup), threads, threads == 1 ? "" : "s",
                socket.equals(Socket.DEFAULT) ? "" : ", " + socket.summary());
    }

    /**
     * How the client's sockets are set up: the knobs of the OS-tuning chapter ({@code lab tune}).
     *
     * @param noDelay       {@code TCP_NODELAY}: {@code true} sends small writes at once; {@code false}
     *                      lets Nagle's algorithm hold a small write while earlier data is unacknowledged
     * @param sendBuffer    {@code SO_SNDBUF} in bytes, 0 = the OS default (and its auto-tuning)
     * @param receiveBuffer {@code SO_RCVBUF} in bytes, 0 = the OS default (and its auto-tuning)
     * @param maxWrite      at most this many bytes per {@code write} call, 0 = no limit; a limit
     *                      below the message size sends each message in pieces, the pattern that
     *                      meets Nagle and delayed ACKs on the other side
     */
    public record Socket(boolean noDelay, int sendBuffer, int receiveBuffer, int maxWrite) {

        public static final Socket DEFAULT = new Socket(true, 0, 0, 0);

        public Socket {
            require(sendBuffer >= 0, "send buffer must be 0 (OS default) or more bytes, was " + sendBuffer);
            require(receiveBuffer >= 0, "receive buffer must be 0 (OS default) or more bytes, was " + receiveBuffer);
            require(maxWrite >= 0, "max write must be 0 (no limit) or more bytes, was " + maxWrite);
        }

        public Socket withNoDelay(boolean noDelay) {
            return new Socket(noDelay, sendBuffer, receiveBuffer, maxWrite);
        }

        public Socket withBuffers(int sendBuffer, int receiveBuffer) {
            return new Socket(noDelay, sendBuffer, receiveBuffer, maxWrite);
        }

        public Socket withMaxWrite(int maxWrite) {
            return new Socket(noDelay, sendBuffer, receiveBuffer, maxWrite);
        }

        /** {@code nodelay off, sndbuf 4096, rcvbuf default, writes of at most 32 B}. */
        public String summary() {
            return "nodelay " + (noDelay ? "on" : "off")
                    + ", sndbuf " + (sendBuffer == 0 ? "default" : sendBuffer)
                    + ", rcvbuf " + (receiveBuffer == 0 ? "default" : receiveBuffer)
                    + (maxWrite == 0 ? "" : ", writes of at most " + maxWrite + " B");
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : String.format("%.3f s", d.toMillis() / 1000.0);
    }
}
