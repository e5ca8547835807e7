package exercises.sched;

import java.util.concurrent.RecursiveTask;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/*
 * Exercise work-stealing: split a job so idle threads can steal the halves.
 *
 * A ForkJoinPool gives each worker its own deque of tasks. A worker pushes the tasks it
 * forks onto its own deque and pops them back (newest first, still hot in its cache); an idle
 * worker steals from the *other* end of someone else's deque (the oldest, biggest pieces).
 * For that to work, a task must split itself: while its range is larger than a threshold,
 * fork one half, compute the other half itself, then join the forked half. Below the
 * threshold, splitting costs more than it saves: just loop.
 *
 * This task sums data[from, to). Two counters let the tests see how you split:
 * leaves counts the ranges summed directly, largestLeaf remembers the biggest such range.
 */
public final class SumTask extends RecursiveTask<Long> {

    private final long[] data;
    private final int from;
    private final int to;
    private final int threshold;
    private final LongAdder leaves;
    private final LongAccumulator largestLeaf;

    public SumTask(long[] data, int from, int to, int threshold, LongAdder leaves, LongAccumulator largestLeaf) {
        this.data = data;
        this.from = from;
        this.to = to;
        this.threshold = threshold;
        this.leaves = leaves;
        this.largestLeaf = largestLeaf;
    }

    @Override
    protected Long compute() {
        // TODO: if to - from <= threshold, sum the range in a loop (and record it: leaves.increment(),
        //       largestLeaf.accumulate(to - from)). Otherwise split at the middle into two SumTasks,
        //       fork() one, compute() the other here, join() the forked one, and add.
        throw new UnsupportedOperationException("work-stealing: compute is not written yet (run: lab hint work-stealing)");
    }
}
