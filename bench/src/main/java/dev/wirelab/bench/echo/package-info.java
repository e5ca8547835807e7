/**
 * The echo suite ({@code lab bench echo}): one blocking client, one 64-byte message in flight,
 * against every server variant started through the {@code EchoServerProvider} SPI in the same
 * JVM. A cross-check of {@code lab tour}'s latencies with a different instrument. See
 * {@link dev.wirelab.bench.echo.EchoRoundTripBenchmark}.
 */
package dev.wirelab.bench.echo;
