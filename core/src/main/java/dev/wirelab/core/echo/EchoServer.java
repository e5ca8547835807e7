package dev.wirelab.core.echo;

import java.net.InetSocketAddress;
import java.time.Duration;

import dev.wirelab.core.metrics.ConnectionMetrics;

/**
 * A running echo server: every byte a client sends comes back to it, in order.
 *
 * <p>This is the one interface the lab, the notebooks, the benchmarks and the contract
 * suite ({@code EchoServerContract}) see. A server is started by its
 * {@link EchoServerProvider} and is listening by the time {@code start} returns.
 */
public interface EchoServer extends AutoCloseable {

    /** The provider's short name ({@code nio}, {@code netty}, ...). */
    String name();

    /** The address actually bound: with port 0 in the config, this holds the port the OS chose. */
    InetSocketAddress localAddress();

    /** A consistent-enough snapshot of the server's counters (each value is read once). */
    ConnectionMetrics.Snapshot metrics();

    /** Runtime facts worth printing beside figures, e.g. {@code "transport=epoll, loops=2"}. */
    default String details() {
        return "";
    }

    /**
     * Stops accepting, lets connections finish echoing what they already received, and
     * closes everything by the deadline at the latest (forcibly, if it must).
     *
     * @return {@code true} when everything finished before the deadline
     */
    boolean shutdown(Duration deadline) throws InterruptedException;

    /** A graceful shutdown with a five-second deadline. */
    @Override
    default void close() {
        try {
            shutdown(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
