/**
 * Work stealing, measured: the same skewed task set on a fixed thread pool, a
 * {@code ForkJoinPool}, virtual threads and a static partition.
 *
 * <p>{@link dev.wirelab.core.sched.TaskSet} builds the tasks from a seed (many short, a few
 * long, some forking children); {@link dev.wirelab.core.sched.SchedulerKind} names the
 * schedulers and what sets each apart; {@link dev.wirelab.core.sched.WorkStealingExperiment}
 * runs them, checks that every task ran exactly once, and reports throughput, per-worker
 * utilisation and the speed-up ratios, so the article's "work stealing is ~40% faster" is
 * something you measure ({@code lab experiment sched}) rather than take on trust.
 */
package dev.wirelab.core.sched;
