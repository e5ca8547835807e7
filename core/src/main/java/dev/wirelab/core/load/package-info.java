/**
 * The load generator: the one client whose reports are the source of every number the lab prints.
 *
 * <p>Read in this order: {@link dev.wirelab.core.load.LoadSpec} (what to run: connections, size,
 * pipeline depth, closed or open loop), {@link dev.wirelab.core.load.LoadGenerator} (the run: connect,
 * warm up, measure, drain), {@code LoadWorker} (one selector loop per client thread),
 * {@code LoadConnection} (one connection's stream positions and due times), {@code EchoPattern}
 * (the bytes sent, so every echoed byte can be verified without keeping a copy),
 * {@link dev.wirelab.core.load.LoadReport} (the figures, as text and JSON),
 * {@link dev.wirelab.core.load.LoadError} and {@link dev.wirelab.core.load.LoadProgress}.
 *
 * <p>It speaks to any server through a plain socket address, so it drives wirelab's variants and
 * anyone else's echo server alike.
 */
package dev.wirelab.core.load;
