package dev.wirelab.core.protocol;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.wirelab.core.metrics.ConnectionMetrics;

/**
 * What a server speaks over the connections it accepts. Every server model serves every
 * protocol: the model owns the socket, the protocol's {@link Session} owns the bytes.
 */
public enum Protocol {

    /** Every byte back, in order: the lab's original protocol, for the load generator. */
    ECHO,

    /**
     * HTTP/1.1 through core's parser and {@link HttpConnectionDriver}, serving
     * {@link HttpRoutes}: the protocol real clients such as wrk and the JDK's HttpClient speak.
     */
    HTTP;

    /** Makes one session per connection; one factory per server, shared by its threads. */
    @FunctionalInterface
    public interface Sessions {
        /** A session for a connection from {@code peer} (e.g. {@code 127.0.0.1:50412}). */
        Session open(String peer);
    }

    /** The factory for this protocol; {@code metrics} are the server's, shown by {@code GET /metrics}. */
    public Sessions sessions(ConnectionMetrics metrics) {
        return switch (this) {
            case ECHO -> peer -> EchoSession.INSTANCE;
            case HTTP -> HttpRoutes.withDemoAccount(metrics::snapshot)::open;
        };
    }

    /** The lowercase name used on the command line and in reports. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code echo} or {@code http} (any case); anything else is refused with the list of names. */
    public static Protocol parse(String text) {
        for (Protocol protocol : values()) {
            if (protocol.label().equalsIgnoreCase(text.strip())) {
                return protocol;
            }
        }
        throw new IllegalArgumentException("unknown protocol \"" + text + "\"; use one of "
                + Arrays.stream(values()).map(Protocol::label).collect(Collectors.joining(", ")));
    }
}
