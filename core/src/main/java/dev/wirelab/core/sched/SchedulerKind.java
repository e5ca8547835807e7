package dev.wirelab.core.sched;

/** The schedulers the work-stealing experiment compares, each with what makes it different. */
public enum SchedulerKind {
    /**
     * BASELINE: {@code ThreadPoolExecutor} with n threads and one shared FIFO queue. Balances at
     * run time (an idle thread takes the next task), but every submit and take meets on one lock.
     */
    FIXED_THREAD_POOL("fixed pool, shared queue"),
    /**
     * APPROACH 1: {@code ForkJoinPool}. Each worker has its own deque; it pushes forked
     * children onto it and pops them LIFO (cache-warm), and an idle worker steals FIFO from
     * the other end of someone else's deque.
     */
    FORK_JOIN_POOL("ForkJoinPool, work stealing"),
    /**
     * APPROACH 2: a virtual thread per task. Virtual threads run on a work-stealing
     * {@code ForkJoinPool} of carrier threads, so this is work stealing plus the cost of
     * creating a thread per task (tokio's model: cheap tasks on a stealing scheduler).
     */
    VIRTUAL_THREADS("virtual thread per task"),
    /**
     * CONTRAST: n threads, each given a fixed slice of the tasks up front (thread-per-core
     * with static sharding). No balancing at all: the slowest slice decides the wall time.
     */
    STATIC_PARTITION("static partition, no balancing");

    private final String label;

    SchedulerKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
