/**
 * The echo server SPI every variant implements, and nothing else: {@link dev.wirelab.core.echo.EchoServer}
 * (start on a port, report the bound address, a metrics snapshot, a graceful close),
 * {@link dev.wirelab.core.echo.EchoConfig} (the settings every variant reads the same way) and
 * {@link dev.wirelab.core.echo.EchoServerProvider} (how {@link java.util.ServiceLoader} finds a variant,
 * and what it can tell about itself before it starts, including the {@link dev.wirelab.core.echo.Capability}
 * list {@code lab doctor} prints: Netty's native transports, for example).
 *
 * <p>The lab, the tour, the benchmarks and the contract suite only ever see these types; the load
 * generator that drives a server lives beside this package in {@code dev.wirelab.core.load}.
 */
package dev.wirelab.core.echo;
