/**
 * Backpressure: what happens between a producer and a slower consumer.
 *
 * <p>{@link dev.wirelab.core.flow.Handoff} is the channel between them, in three versions:
 * {@link dev.wirelab.core.flow.UnboundedHandoff} (the baseline that never pushes back),
 * {@link dev.wirelab.core.flow.BoundedHandoff} ({@code ArrayBlockingQueue}: a full buffer
 * blocks the producer) and {@link dev.wirelab.core.flow.PublisherHandoff}
 * ({@code java.util.concurrent.Flow}: the consumer signals demand). All three are the JDK's
 * own tools, used as they are. {@link dev.wirelab.core.flow.BackpressureExperiment} runs
 * them side by side and samples queue depth and heap over time, so the difference can be
 * printed ({@code lab experiment flow}) or plotted.
 *
 * <p>In the echo servers the same idea appears as "stop reading from a connection while its
 * pending writes exceed a bound": the socket's receive buffer fills, TCP's window closes, and
 * the fast client is slowed down by the network itself.
 */
package dev.wirelab.core.flow;
