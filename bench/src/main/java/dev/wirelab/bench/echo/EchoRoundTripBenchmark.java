package dev.wirelab.bench.echo;

import java.io.EOFException;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import dev.wirelab.bench.BenchmarkDefaults;
import dev.wirelab.core.echo.EchoConfig;
import dev.wirelab.core.echo.EchoServer;
import dev.wirelab.core.echo.EchoServerProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/*
 * How long does one 64-byte echo take, server by server, with nothing else going on?
 *
 * `lab tour` drives every server variant with the core load generator (many connections,
 * HdrHistogram latencies). This benchmark is its cross-check from a different instrument: one
 * client connection, one message in flight, timed by JMH. It starts each variant through the
 * same SPI the tour uses (EchoServerProvider.named), on 127.0.0.1 and an ephemeral port,
 * inside the benchmark's JVM.
 *
 * One operation: write 64 bytes on a blocking SocketChannel, read until all 64 came back,
 * check they are the bytes sent (a sequence number in the first eight makes a stale or
 * misordered echo fail). The score is the mean round trip, lower is better. The variant
 * names are the providers' own:
 *
 * BASELINE   blocking    a platform thread per connection, blocking read/write
 * APPROACH   nio         a java.nio Selector reactor (the mio analog)
 *            netty       Netty event loops (the tokio analog)
 *            virtual     a virtual thread per connection, blocking-style code
 *            completion  AsynchronousSocketChannel with completion handlers
 *            akka        Akka Typed: an actor per connection, ack-based writes (the actix analog)
 *
 * What to read into it. Client and server share this JVM and this machine's two vCPUs, so a
 * round trip includes two wake-ups of a sleeping thread, and where the OS places them changes
 * the figure (same vCPU vs across vCPUs: about 3x on this VM). -prof gc (lab bench echo)
 * shows B/op of client AND server together: the client allocates nothing, so it is the
 * server's allocation per echo. One connection measures latency, not scalability: the tour's
 * many-connection throughput can rank the variants differently.
 *
 * How to run: ./lab bench echo   (or: java -jar bench/target/benchmarks.jar EchoRoundTripBenchmark -prof gc)
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EchoRoundTripBenchmark extends BenchmarkDefaults {

    static final int MESSAGE_BYTES = 64;

    /** The provider name: one of {@code EchoServerProvider.all()}. */
    @Param({"blocking", "nio", "netty", "virtual", "completion", "akka"})
    public String variant;

    private EchoServer server;

    @Setup
    public void startServer() throws IOException {
        EchoServerProvider provider = EchoServerProvider.named(variant).orElseThrow(() -> new IllegalStateException(
                "no echo server '" + variant + "' on the class path; found: "
                        + EchoServerProvider.all().stream().map(EchoServerProvider::name).collect(Collectors.joining(", "))
                        + " (bench depends on wirelab-nio-echo, -async-echo and -actor-echo)"));
        server = provider.start(EchoConfig.defaults());
    }

    @TearDown
    public void stopServer() {
        server.close();
    }

    /** One client connection per benchmark thread, with direct buffers: the client allocates nothing per echo. */
    @State(Scope.Thread)
    public static class Client {
        SocketChannel channel;
        final ByteBuffer out = ByteBuffer.allocateDirect(MESSAGE_BYTES);
        final ByteBuffer in = ByteBuffer.allocateDirect(MESSAGE_BYTES);
        long sequence;

        @Setup
        public void connect(EchoRoundTripBenchmark bench) throws IOException {
            channel = SocketChannel.open(bench.server.localAddress());
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true); // 64 B must not wait for Nagle
            for (int i = 0; i < MESSAGE_BYTES; i++) {
                out.put(i, (byte) ('a' + i % 26));
            }
        }

        @TearDown
        public void disconnect() throws IOException {
            channel.close();
        }
    }

    @Benchmark
    public long roundTrip_64bytes(Client client) throws IOException {
        // Phase 1: stamp and send the whole message (a blocking write may still be partial).
        ByteBuffer out = client.out.clear();
        out.putLong(0, ++client.sequence);
        while (out.hasRemaining()) {
            client.channel.write(out);
        }
        // Phase 2: read until every byte came back; the server may return it in pieces.
        ByteBuffer in = client.in.clear();
        while (in.hasRemaining()) {
            if (client.channel.read(in) < 0) {
                throw new EOFException(variant + " closed the connection after " + in.position() + " of "
                        + MESSAGE_BYTES + " echoed bytes");
            }
        }
        // Phase 3: the echo must be exactly what was sent.
        if (!in.flip().equals(out.flip())) {
            throw new IllegalStateException(variant + " echoed different bytes than were sent (sequence "
                    + client.sequence + ")");
        }
        return client.sequence;
    }
}
