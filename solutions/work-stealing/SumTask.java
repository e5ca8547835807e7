package exercises.sched;

import java.util.concurrent.RecursiveTask;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/* Reference solution for work-stealing: fork the left half, compute the right half here, join. */
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
        if (to - from <= threshold) {
            leaves.increment();
            largestLeaf.accumulate(to - from);
            long sum = 0;
            for (int i = from; i < to; i++) {
                sum += data[i];
            }
            return sum;
        }
        int middle = (from + to) >>> 1;
        SumTask left = new SumTask(data, from, middle, threshold, leaves, largestLeaf);
        SumTask right = new SumTask(data, middle, to, threshold, leaves, largestLeaf);
        left.fork();                    // on our deque: an idle worker may steal it
        long rightSum = right.compute(); // keep working ourselves meanwhile
        return left.join() + rightSum;
    }
}
