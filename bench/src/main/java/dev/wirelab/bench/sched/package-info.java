/**
 * The scheduling suite ({@code lab bench sched}): core's work-stealing experiment timed by JMH,
 * one skewed task set per operation, on each {@code SchedulerKind}. See
 * {@link dev.wirelab.bench.sched.WorkStealingBenchmark}.
 */
package dev.wirelab.bench.sched;
