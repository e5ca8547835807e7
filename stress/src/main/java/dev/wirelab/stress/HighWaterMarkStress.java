package dev.wirelab.stress;

import dev.wirelab.core.metrics.HighWaterMark;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.J_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * Two threads report peaks of 1 and 2 at once; the mark must end at the larger. A mark of 1
 * would be a smaller value overwriting a larger one: a peak that was reached and then forgotten.
 */
@JCStressTest
@Outcome(id = "2", expect = ACCEPTABLE, desc = "the larger value won")
@Outcome(expect = FORBIDDEN, desc = "a smaller value overwrote the peak")
@State
public class HighWaterMarkStress {

    private final HighWaterMark mark = new HighWaterMark();

    @Actor
    public void observesOne() {
        mark.observe(1);
    }

    @Actor
    public void observesTwo() {
        mark.observe(2);
    }

    @Arbiter
    public void peak(J_Result r) {
        r.r1 = mark.get();
    }
}
