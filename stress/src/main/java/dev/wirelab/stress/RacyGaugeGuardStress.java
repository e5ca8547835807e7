package dev.wirelab.stress;

import java.util.concurrent.atomic.AtomicLong;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.J_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * The racy twin of {@link GaugeGuardStress}: the guard checks a volatile flag and then sets it
 * (check-then-act, no CAS), so both closers can pass the check and decrement twice. Must FAIL.
 */
@JCStressTest
@Outcome(id = "0", expect = ACCEPTABLE, desc = "closed exactly once")
@Outcome(expect = FORBIDDEN, desc = "both closes counted (or none)")
@State
public class RacyGaugeGuardStress {

    private final AtomicLong active = new AtomicLong(1);
    private volatile boolean closed;

    private void close() {
        if (!closed) {
            closed = true;
            active.decrementAndGet();
        }
    }

    @Actor
    public void readLoopCloses() {
        close();
    }

    @Actor
    public void idleTimerCloses() {
        close();
    }

    @Arbiter
    public void active(J_Result r) {
        r.r1 = active.get();
    }
}
