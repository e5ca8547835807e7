package dev.wirelab.stress;

import dev.wirelab.core.metrics.Counter;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.J_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * Two threads each increment one {@link Counter} once; once both are done the counter reads 2.
 * A lost update (1) would mean increments from concurrent connections vanish from the metrics.
 */
@JCStressTest
@Outcome(id = "2", expect = ACCEPTABLE, desc = "both increments counted")
@Outcome(expect = FORBIDDEN, desc = "an increment was lost")
@State
public class CounterStress {

    private final Counter counter = new Counter();

    @Actor
    public void first() {
        counter.increment();
    }

    @Actor
    public void second() {
        counter.increment();
    }

    @Arbiter
    public void total(J_Result r) {
        r.r1 = counter.get();
    }
}
