package dev.wirelab.stress;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * The racy twin of {@link PoolLeaseHandOffStress}: a one-object "pool" that waits until a
 * volatile {@code busy} flag is clear and then sets it. Waiting and taking are two steps, so
 * both borrowers can see "free" and both take the object. Must FAIL.
 */
@JCStressTest
@Outcome(id = {"0, 1", "1, 0"}, expect = ACCEPTABLE, desc = "one after the other, the second saw the first's write")
@Outcome(expect = FORBIDDEN, desc = "both held it at once, or the hand-off lost a write")
@State
public class RacyPoolLeaseHandOffStress {

    static final class Connection {
        int uses;
    }

    private final Connection connection = new Connection();
    private volatile boolean busy;

    private int borrow() {
        while (busy) {
            Thread.onSpinWait();
        }
        busy = true;
        int seen = connection.uses;
        connection.uses = seen + 1;
        busy = false;
        return seen;
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
