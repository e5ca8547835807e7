/**
 * The echo server SPI every variant implements ({@link dev.wirelab.core.echo.EchoServer},
 * {@link dev.wirelab.core.echo.EchoConfig}, {@link dev.wirelab.core.echo.EchoServerProvider}),
 * and the load generator whose reports are the source of every number the lab prints.
 *
 * <p>Load generator files: {@link dev.wirelab.core.echo.LoadSpec} (what to run: connections,
 * size, pipeline, closed or open loop), {@link dev.wirelab.core.echo.LoadGenerator} (the run:
 * connect, warm up, measure, drain), {@code LoadWorker} (one selector loop per client thread),
 * {@code LoadConnection} (one connection's stream positions and due times), {@code EchoPattern}
 * (the verified bytes), {@link dev.wirelab.core.echo.LoadReport} (the figures, as text and JSON),
 * {@link dev.wirelab.core.echo.LoadError} and {@link dev.wirelab.core.echo.LoadProgress}.
 */
package dev.wirelab.core.echo;
