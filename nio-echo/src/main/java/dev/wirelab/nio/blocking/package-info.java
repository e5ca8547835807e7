/**
 * The {@code blocking} variant: one platform thread per connection, the baseline every other model
 * is measured against. {@link dev.wirelab.nio.blocking.BlockingEchoServer} accepts on one thread and
 * starts a {@code ConnectionThread} per peer; a blocking write that cannot complete is the
 * backpressure.
 */
package dev.wirelab.nio.blocking;
