package exercises.pool;

import java.io.IOException;
import java.time.Duration;

import dev.wirelab.core.pool.Lease;
import dev.wirelab.core.pool.Pool;

/*
 * Exercise pool-lease: borrow a connection from a pool, and give it back right.
 *
 * A connection pool saves a connect per request, but it trusts its borrowers with two rules:
 *   1. Every connection borrowed comes back, on every path, exceptions included. Otherwise
 *      the pool runs dry and the next caller waits forever (well: until its timeout).
 *   2. A connection that failed mid-request is broken (half a request went out, the peer
 *      reset it, the stream is out of step). It must be destroyed, never handed to the next
 *      caller. Lease.markBroken() before the lease closes tells the pool exactly that.
 *
 * wirelab's Pool hands out a Lease, which is AutoCloseable: try-with-resources is Java's
 * version of Rust's Drop, and closing the lease returns (or destroys) the connection.
 */
public final class Client {

    /** What the pool lends: a connection that may fail. */
    public interface Conn {
        String send(String request) throws IOException;
    }

    private static final Duration WAIT = Duration.ofSeconds(1);

    private final Pool<Conn> pool;

    public Client(Pool<Conn> pool) {
        this.pool = pool;
    }

    /**
     * Sends one request on a pooled connection and returns the reply. When the connection
     * throws, the exception goes to the caller and the connection is destroyed.
     */
    public String call(String request) throws IOException, InterruptedException {
        // TODO: acquire a lease (wait at most WAIT) in a try-with-resources, send on lease.get();
        //       on IOException mark the lease broken, then rethrow.
        throw new UnsupportedOperationException("pool-lease: call is not written yet (run: lab hint pool-lease)");
    }
}
