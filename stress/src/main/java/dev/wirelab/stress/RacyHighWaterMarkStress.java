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
 * The racy twin of {@link HighWaterMarkStress}: "if larger, set" on a volatile field, without the
 * CAS loop. The thread holding 1 can read 0, lose the CPU while 2 is stored, and then store 1
 * over it. Must FAIL.
 */
@JCStressTest
@Outcome(id = "2", expect = ACCEPTABLE, desc = "the larger value won")
@Outcome(expect = FORBIDDEN, desc = "a smaller value overwrote the peak")
@State
public class RacyHighWaterMarkStress {

    private volatile long mark;

    private void observe(long candidate) {
        if (candidate > mark) {
            mark = candidate;
        }
    }

    @Actor
    public void observesOne() {
        observe(1);
    }

    @Actor
    public void observesTwo() {
        observe(2);
    }

    @Arbiter
    public void peak(J_Result r) {
        r.r1 = mark;
    }
}
