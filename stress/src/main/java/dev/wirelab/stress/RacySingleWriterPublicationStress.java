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
 * The racy twin of {@link SingleWriterPublicationStress}: the writer counts first and fills in
 * the data afterwards, so the release store publishes nothing. Must FAIL.
 *
 * <p>Why not the subtler twin, plain fields instead of release/acquire? On x86 (this machine)
 * the hardware keeps stores in order and loads in order, so only a compiler reordering could
 * show "1, 0", and a short run rarely catches one; on ARM it would show. A twin that breaks the
 * program order fails on every machine, which is what a build check needs.
 */
@JCStressTest
@Outcome(id = "0, 0", expect = ACCEPTABLE, desc = "reader ran first: nothing counted, nothing seen")
@Outcome(id = "0, 42", expect = ACCEPTABLE, desc = "data seen before the count")
@Outcome(id = "1, 42", expect = ACCEPTABLE, desc = "count seen, and the data it publishes")
@Outcome(id = "1, 0", expect = FORBIDDEN, desc = "count seen without the data it publishes")
@State
public class RacySingleWriterPublicationStress {

    private final SingleWriterCounter published = new SingleWriterCounter(SingleWriterCounter.Ordering.RELEASE_ACQUIRE);
    private int payload;

    @Actor
    public void writer() {
        published.increment();
        // One pause instruction between the early publication and the data: the same bug with a
        // window a few dozen cycles wide, so that a one-second run on a busy machine still sees it.
        Thread.onSpinWait();
        payload = 42;
    }

    @Actor
    public void reader(JI_Result r) {
        r.r1 = published.get();
        r.r2 = payload;
    }
}
