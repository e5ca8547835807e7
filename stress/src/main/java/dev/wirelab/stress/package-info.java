/**
 * jcstress tests for the concurrent pieces of {@code dev.wirelab.core}: the metrics
 * ({@code Counter}, {@code Gauge.Guard}, {@code HighWaterMark}, {@code SingleWriterCounter})
 * and the pool's lease hand-off.
 *
 * <h2>How to read a test</h2>
 * A jcstress test is a small shared {@code @State}, two or more {@code @Actor} methods that
 * jcstress runs against each other millions of times on fresh state, and the list of
 * {@code @Outcome}s the Java Memory Model and the class's contract allow. Any outcome not
 * listed as acceptable is forbidden: seeing it once fails the test.
 *
 * <h2>Every test has a racy twin</h2>
 * A concurrency test that passes proves little until it is shown to fail on a broken
 * implementation. So each test here is paired with a {@code Racy...} twin: the same actors and
 * the same allowed outcomes, run against a deliberately broken version of the same idea (a
 * plain {@code ++}, a check-then-act, a publication written too early). {@link StressRun}, which
 * {@code ./mvnw verify} runs, fails the build unless every correct test passes <em>and every
 * racy twin fails</em>: proof that the test bites.
 */
package dev.wirelab.stress;
