package dev.wirelab.async.probe;

import java.time.Duration;
import java.util.List;

import dev.wirelab.core.echo.EchoConfig;
import dev.wirelab.core.echo.EchoServer;
import dev.wirelab.core.echo.EchoServerProvider;
import dev.wirelab.core.load.LoadGenerator;
import dev.wirelab.core.load.LoadReport;
import dev.wirelab.core.load.LoadSpec;

/**
 * Quick, rough throughput of every async-echo variant under one load, client and server in
 * this JVM on loopback. For the README's table until {@code ./lab tour} produces the real one;
 * compare the ratios within one run, never the absolute numbers across machines.
 *
 * <pre>{@code
 * java --enable-native-access=ALL-UNNAMED -cp <test classpath> dev.wirelab.async.probe.QuickThroughput 16 64 1 5
 * }</pre>
 * Arguments: connections, message size, pipeline depth, seconds measured.
 */
public final class QuickThroughput {

    private record Variant(String label, String provider, String transport) {
    }

    private static final List<Variant> VARIANTS = List.of(
            new Variant("netty/nio", "netty", "nio"),
            new Variant("netty/epoll", "netty", "epoll"),
            new Variant("netty/io_uring", "netty", "io_uring"),
            new Variant("virtual", "virtual", null),
            new Variant("virtual-split", "virtual-split", null),
            new Variant("completion", "completion", null));

    public static void main(String[] args) throws Exception {
        int connections = Integer.parseInt(args[0]);
        int size = Integer.parseInt(args[1]);
        int pipeline = Integer.parseInt(args[2]);
        Duration window = Duration.ofSeconds(Long.parseLong(args[3]));
        System.out.printf("connections=%d size=%d pipeline=%d window=%s cores=%d%n", connections, size, pipeline, window,
                Runtime.getRuntime().availableProcessors());
        for (Variant v : VARIANTS) {
            EchoConfig config = EchoConfig.defaults().withIoThreads(1);
            if (v.transport() != null) {
                config = config.withOption("transport", v.transport());
            }
            try (EchoServer server = EchoServerProvider.named(v.provider()).orElseThrow().start(config)) {
                LoadReport r = LoadGenerator.run(LoadSpec.defaults(server.localAddress()).withConnections(connections)
                        .withMessageSize(size).withPipeline(pipeline).withDuration(window).withWarmup(Duration.ofSeconds(2)));
                System.out.printf("%-15s %,10.0f msg/s %8.1f MB/s  p50 %7.1f us  p99 %8.1f us  errors %d  [%s]%n", v.label(),
                        r.messagesPerSecond(), r.megabytesPerSecond(), r.latency().p50(), r.latency().p99(),
                        r.errorCount(), server.details());
            }
        }
    }
}
