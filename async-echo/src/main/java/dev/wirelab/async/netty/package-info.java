/**
 * The Netty echo server: event loops over a pluggable transport (the tokio analog).
 *
 * <p>{@link dev.wirelab.async.netty.NettyEchoServer} sets up the loops, buffers, limits and
 * shutdown; {@link dev.wirelab.async.netty.EchoHandler} is the per-connection logic (flush
 * batching, backpressure, idle and half-close handling); {@link dev.wirelab.async.netty.Transport}
 * names the three kernel interfaces and picks one; the provider registers the server as
 * {@code netty}.
 */
package dev.wirelab.async.netty;
