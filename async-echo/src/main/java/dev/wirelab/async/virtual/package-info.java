/**
 * Echo servers on virtual threads: blocking code, event-loop costs.
 *
 * <p>{@link dev.wirelab.async.virtual.VirtualThreadEchoServer} accepts, limits, times out and
 * shuts down; a {@code ConnectionLoop} moves the bytes: {@code EchoLoop} in one thread
 * ({@code virtual}) or {@code SplitEcho} as reader + writer joined by a bounded queue
 * ({@code virtual-split}). Each style has its provider.
 */
package dev.wirelab.async.virtual;
