/**
 * The echo server SPI every variant implements ({@link dev.wirelab.core.echo.EchoServer},
 * {@link dev.wirelab.core.echo.EchoConfig}, {@link dev.wirelab.core.echo.EchoServerProvider}),
 * and the load generator whose reports are the source of every number the lab prints.
 */
package dev.wirelab.core.echo;
