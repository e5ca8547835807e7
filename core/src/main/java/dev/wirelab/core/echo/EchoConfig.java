package dev.wirelab.core.echo;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import dev.wirelab.core.protocol.Protocol;

/**
 * How an echo server runs. Every variant reads the same fields, so the same load means
 * the same thing for each of them.
 *
 * @param host                 address to bind ({@code 127.0.0.1} by default: the lab only serves loopback unless told)
 * @param port                 port to bind; {@code 0} asks the OS for a free one, which {@link EchoServer#localAddress()} then reports
 * @param maxConnections       connections served at once; one more is accepted and closed at once (counted as refused)
 * @param idleTimeout          a connection that sends nothing for this long is closed; {@link Duration#ZERO} disables it
 * @param readBufferSize       bytes read from a socket in one go
 * @param maxPendingWriteBytes bytes a connection may have read but not yet written back; above it the server stops
 *                             reading from that peer until it drains (the backpressure bound)
 * @param ioThreads            event-loop / worker threads; {@code 0} lets the variant choose (usually the core count)
 * @param backlog              the listen backlog handed to the OS
 * @param options              variant-specific settings, e.g. {@code transport=epoll} for Netty; unknown keys are an error
 *                             for the variant that reads them
 * @param protocol             what the server speaks on each connection: {@link Protocol#ECHO} (the default) or
 *                             {@link Protocol#HTTP}; the server model only moves bytes, the protocol's session decides
 *                             what to answer
 * @param sendBufferSize       {@code SO_SNDBUF} in bytes that every server sets on each accepted socket; {@code 0}
 *                             (the default) leaves the OS default, which on Linux auto-tunes up to
 *                             {@code net.ipv4.tcp_wmem}'s maximum. Linux doubles the value asked for (the extra half
 *                             is its bookkeeping) and clamps it to {@code [4608, net.core.wmem_max]}; setting it turns
 *                             auto-tuning off for that socket. A small value makes the server's writes partial early,
 *                             so its write-interest and backpressure paths run even on loopback.
 */
public record EchoConfig(
        String host,
        int port,
        int maxConnections,
        Duration idleTimeout,
        int readBufferSize,
        int maxPendingWriteBytes,
        int ioThreads,
        int backlog,
        Map<String, String> options,
        Protocol protocol,
        int sendBufferSize) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_MAX_CONNECTIONS = 1024;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_READ_BUFFER_SIZE = 16 * 1024;
    public static final int DEFAULT_MAX_PENDING_WRITE_BYTES = 256 * 1024;
    public static final int DEFAULT_BACKLOG = 1024;
    /** The largest {@link #sendBufferSize()} accepted: far above any {@code wmem_max} a lab machine sets. */
    public static final int MAX_SEND_BUFFER_SIZE = 256 * 1024 * 1024;

    public EchoConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(protocol, "protocol");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank (use 127.0.0.1 for loopback)");
        }
        require(port >= 0 && port <= 65_535, "port must be 0..65535 (0 = any free port), was " + port);
        require(maxConnections >= 1, "maxConnections must be at least 1, was " + maxConnections);
        require(!idleTimeout.isNegative(), "idleTimeout must not be negative (0 disables it), was " + idleTimeout);
        require(readBufferSize >= 64 && readBufferSize <= 16 * 1024 * 1024,
                "readBufferSize must be 64 B..16 MiB, was " + readBufferSize);
        require(maxPendingWriteBytes >= readBufferSize,
                "maxPendingWriteBytes (" + maxPendingWriteBytes + ") must be at least readBufferSize (" + readBufferSize
                        + "): a server must be able to hold one read's worth of output");
        require(ioThreads >= 0 && ioThreads <= 1024, "ioThreads must be 0..1024 (0 = variant's choice), was " + ioThreads);
        require(backlog >= 1, "backlog must be at least 1, was " + backlog);
        require(sendBufferSize >= 0 && sendBufferSize <= MAX_SEND_BUFFER_SIZE,
                "sendBufferSize must be 0 (the OS default) or 1 B..256 MiB, was " + sendBufferSize);
        options = Map.copyOf(new TreeMap<>(options));
    }

    /** The OS's default send buffer, as before the setting existed. */
    public EchoConfig(String host, int port, int maxConnections, Duration idleTimeout, int readBufferSize,
                      int maxPendingWriteBytes, int ioThreads, int backlog, Map<String, String> options,
                      Protocol protocol) {
        this(host, port, maxConnections, idleTimeout, readBufferSize, maxPendingWriteBytes, ioThreads, backlog, options,
                protocol, 0);
    }

    /** The echo protocol, as before protocols existed. */
    public EchoConfig(String host, int port, int maxConnections, Duration idleTimeout, int readBufferSize,
                      int maxPendingWriteBytes, int ioThreads, int backlog, Map<String, String> options) {
        this(host, port, maxConnections, idleTimeout, readBufferSize, maxPendingWriteBytes, ioThreads, backlog, options,
                Protocol.ECHO, 0);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Loopback, an ephemeral port, and the defaults above. */
    public static EchoConfig defaults() {
        return new EchoConfig(DEFAULT_HOST, 0, DEFAULT_MAX_CONNECTIONS, DEFAULT_IDLE_TIMEOUT, DEFAULT_READ_BUFFER_SIZE,
                DEFAULT_MAX_PENDING_WRITE_BYTES, 0, DEFAULT_BACKLOG, Map.of(), Protocol.ECHO, 0);
    }

    public EchoConfig withHost(String host) {
        return new EchoConfig(host, port, maxConnections, idleTimeout, readBufferSize, maxPendingWriteBytes, ioThreads, backlog, options, protocol, sendBufferSize);
    }

    public EchoConfig withPort(int port) {
        return new EchoConfig(host, port, maxConnections, idleTimeout, readBufferSize, maxPendingWriteBytes, ioThreads, backlog, options, protocol, sendBufferSize);
    }

    public EchoConfig withMaxConnections(int maxConnections) {
        return new EchoConfig(host, port, maxConnections, idleTimeout, readBufferSize, maxPendingWriteBytes, ioThreads, backlog, options, protocol, sendBufferSize);
    }

    public EchoConfig withIdleTimeout(Duration idleTimeout) {
        return new EchoConfig(host, port, maxConnections, idleTimeout, readBufferSize, maxPendingWriteBytes, ioThreads, backlog, options, protocol, sendBufferSize);
    }

    public EchoConfig withReadBufferSize(int readBufferSize) {
        return new EchoConfig(host, port, maxConnections, idleTimeout, readBufferSize, maxPendingWriteBytes, ioThreads, backlog, options, protocol, sendBufferSize);
    }

    public EchoConfig withMaxPendingWriteBytes(int maxPendingWriteBytes) {
        return new EchoConfig(host, port, maxConnections, idleTimeout, readBufferSize, maxPendingWriteBytes, ioThreads, backlog, options, protocol, sendBufferSize);
    }

    public EchoConfig withIoThreads(int ioThreads) {
        return new EchoConfig(host, port, maxConnections, idleTimeout, readBufferSize, maxPendingWriteBytes, ioThreads, backlog, options, protocol, sendBufferSize);
    }

    public EchoConfig withBacklog(int backlog) {
        return new EchoConfig(host, port, maxConnections, idleTimeout, readBufferSize, maxPendingWriteBytes, ioThreads, backlog, options, protocol, sendBufferSize);
    }

    /** A copy with one more variant-specific option. */
    public EchoConfig withOption(String key, String value) {
        Map<String, String> more = new TreeMap<>(options);
        more.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return new EchoConfig(host, port, maxConnections, idleTimeout, readBufferSize, maxPendingWriteBytes, ioThreads, backlog, more, protocol, sendBufferSize);
    }

    public EchoConfig withProtocol(Protocol protocol) {
        return new EchoConfig(host, port, maxConnections, idleTimeout, readBufferSize, maxPendingWriteBytes, ioThreads, backlog, options, protocol, sendBufferSize);
    }

    /** A copy whose servers set {@code SO_SNDBUF} to {@code sendBufferSize} on each accepted socket (0 = OS default). */
    public EchoConfig withSendBufferSize(int sendBufferSize) {
        return new EchoConfig(host, port, maxConnections, idleTimeout, readBufferSize, maxPendingWriteBytes, ioThreads, backlog, options, protocol, sendBufferSize);
    }

    /** The thread count to use when {@link #ioThreads()} is 0: one per core. */
    public int ioThreadsOrCores() {
        return ioThreads > 0 ? ioThreads : Runtime.getRuntime().availableProcessors();
    }
}
