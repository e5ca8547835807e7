package dev.wirelab.stress;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.J_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * The racy twin of {@link CounterStress}: {@code value++} on a {@code volatile long}. Volatile
 * makes each read and each write visible at once, but {@code ++} is still a read, an add and a
 * write: two threads can both read 0 and both write 1. ("volatile is not atomic".) Must FAIL.
 */
@JCStressTest
@Outcome(id = "2", expect = ACCEPTABLE, desc = "both increments counted")
@Outcome(expect = FORBIDDEN, desc = "an increment was lost")
@State
public class RacyCounterStress {

    private volatile long value;

    @Actor
    public void first() {
        value++;
    }

    @Actor
    public void second() {
        value++;
    }

    @Arbiter
    public void total(J_Result r) {
        r.r1 = value;
    }
}
