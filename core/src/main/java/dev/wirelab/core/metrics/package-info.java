/**
 * Metrics that many threads update without locks, each class a small lesson in progress
 * guarantees and memory ordering.
 *
 * <ul>
 * <li>{@link dev.wirelab.core.metrics.Counter}: many writers, striped over cells
 *     ({@code LongAdder}); lock-free, Relaxed.</li>
 * <li>{@link dev.wirelab.core.metrics.Gauge}: up and down, with a {@code Guard} that counts
 *     out exactly once (Java's {@code defer!}); keeps a
 *     {@link dev.wirelab.core.metrics.HighWaterMark} (a CAS loop with a read-only fast path).</li>
 * <li>{@link dev.wirelab.core.metrics.SingleWriterCounter}: one writer, no read-modify-write;
 *     the class doc is the table of Java access modes (plain, opaque, release/acquire,
 *     volatile) against Rust's {@code Relaxed}, {@code Release}/{@code Acquire},
 *     {@code SeqCst}.</li>
 * <li>{@link dev.wirelab.core.metrics.LatencyRecorder}: wait-free latency recording with
 *     interval snapshots (HdrHistogram {@code Recorder}).</li>
 * <li>{@link dev.wirelab.core.metrics.ConnectionMetrics}: the bundle every echo server keeps,
 *     with an immutable {@code Snapshot}.</li>
 * </ul>
 *
 * Reading order for a student: Counter, Gauge, HighWaterMark, SingleWriterCounter,
 * LatencyRecorder. The article this follows uses one {@code AtomicU64} with {@code Relaxed}
 * for everything; these classes show what each choice buys and costs.
 */
package dev.wirelab.core.metrics;
