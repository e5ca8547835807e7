/**
 * {@code lab bench}: runs one suite of the {@code bench} module through the JMH API.
 * {@link dev.wirelab.labs.bench.BenchSuite} names the suites, {@link dev.wirelab.labs.bench.BenchRunner}
 * runs them (with {@link dev.wirelab.labs.bench.ProgressOutput} in place of JMH's console
 * output), and {@link dev.wirelab.labs.bench.RatioTable} reduces the results to ratios within
 * comparable groups: the only kind of figure a small, shared machine can state honestly.
 */
package dev.wirelab.labs.bench;
