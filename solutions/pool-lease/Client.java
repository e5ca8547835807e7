package exercises.pool;

import java.io.IOException;
import java.time.Duration;

import dev.wirelab.core.pool.Lease;
import dev.wirelab.core.pool.Pool;

/* Reference solution for pool-lease: try-with-resources returns the lease; markBroken destroys it. */
public final class Client {

    public interface Conn {
        String send(String request) throws IOException;
    }

    private static final Duration WAIT = Duration.ofSeconds(1);

    private final Pool<Conn> pool;

    public Client(Pool<Conn> pool) {
        this.pool = pool;
    }

    public String call(String request) throws IOException, InterruptedException {
        try (Lease<Conn> lease = pool.acquire(WAIT)) {
            try {
                return lease.get().send(request);
            } catch (IOException e) {
                // the stream may be out of step: never lend this connection again
                lease.markBroken();
                throw e;
            }
        }
    }
}
