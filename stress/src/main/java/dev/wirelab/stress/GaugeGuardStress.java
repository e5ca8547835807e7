package dev.wirelab.stress;

import dev.wirelab.core.metrics.Gauge;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.J_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * One connection entered the gauge; two threads close its guard at once (the read loop sees EOF
 * while the idle timer fires). The guard's CAS lets exactly one close count: the gauge ends at 0.
 * -1 would be an "active connections" gauge that drifts below zero under churn.
 */
@JCStressTest
@Outcome(id = "0", expect = ACCEPTABLE, desc = "closed exactly once")
@Outcome(expect = FORBIDDEN, desc = "both closes counted (or none)")
@State
public class GaugeGuardStress {

    private final Gauge gauge = new Gauge();
    private final Gauge.Guard guard = gauge.enter();

    @Actor
    public void readLoopCloses() {
        guard.close();
    }

    @Actor
    public void idleTimerCloses() {
        guard.close();
    }

    @Arbiter
    public void active(J_Result r) {
        r.r1 = gauge.get();
    }
}
