package dev.wirelab.stress;

import dev.wirelab.core.metrics.SingleWriterCounter;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.JI_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * The single writer fills in a plain field and then counts it with a release store; a reader
 * that sees the count with an acquire load must see the field too. This is the publication
 * guarantee of {@link SingleWriterCounter.Ordering#RELEASE_ACQUIRE}: "1, 0" would be a reader
 * acting on a count whose data it cannot see yet.
 */
@JCStressTest
@Outcome(id = "0, 0", expect = ACCEPTABLE, desc = "reader ran first: nothing counted, nothing seen")
@Outcome(id = "0, 42", expect = ACCEPTABLE, desc = "data seen before the count: allowed (no ordering is promised that way)")
@Outcome(id = "1, 42", expect = ACCEPTABLE, desc = "count seen, and the data it publishes")
@Outcome(id = "1, 0", expect = FORBIDDEN, desc = "count seen without the data it publishes")
@State
public class SingleWriterPublicationStress {

    private final SingleWriterCounter published = new SingleWriterCounter(SingleWriterCounter.Ordering.RELEASE_ACQUIRE);
    private int payload;

    @Actor
    public void writer() {
        payload = 42;
        published.increment();
    }

    @Actor
    public void reader(JI_Result r) {
        r.r1 = published.get();
        r.r2 = payload;
    }
}
