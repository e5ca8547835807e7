package dev.wirelab.stress;

import dev.wirelab.core.pool.Lease;
import dev.wirelab.core.pool.Pool;

import java.time.Duration;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * A pool of one object, two borrowers. Each reads the object's plain {@code uses} field, writes
 * it back plus one, and returns the lease. The pool must (a) never hand the object to both at
 * once and (b) make the first holder's writes visible to the next (release on close, acquire on
 * acquire). Either failure shows as both borrowers reading 0.
 */
@JCStressTest
@Outcome(id = {"0, 1", "1, 0"}, expect = ACCEPTABLE, desc = "one after the other, the second saw the first's write")
@Outcome(id = "-1, .*|.*, -1", expect = FORBIDDEN, desc = "a borrower timed out: the lease was never handed on")
@Outcome(expect = FORBIDDEN, desc = "both held it at once, or the hand-off lost a write")
@State
public class PoolLeaseHandOffStress {

    /** A pooled object with deliberately unsynchronised state: only the pool's hand-off orders it. */
    static final class Connection {
        int uses;
    }

    private final Pool<Connection> pool = new Pool<>("stress", 1, Connection::new);

    private int borrow() {
        try (Lease<Connection> lease = pool.acquire(Duration.ofSeconds(10))) {
            Connection connection = lease.get();
            int seen = connection.uses;
            connection.uses = seen + 1;
            return seen;
        } catch (Exception e) {
            return -1;
        }
    }

    @Actor
    public void first(II_Result r) {
        r.r1 = borrow();
    }

    @Actor
    public void second(II_Result r) {
        r.r2 = borrow();
    }
}
