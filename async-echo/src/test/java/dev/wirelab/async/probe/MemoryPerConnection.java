package dev.wirelab.async.probe;

import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.wirelab.core.echo.EchoConfig;
import dev.wirelab.core.echo.EchoServer;
import dev.wirelab.core.echo.EchoServerProvider;

/**
 * A rough measure of what one idle, already-used connection costs each server: open N
 * connections, echo one byte on each (so every per-connection buffer exists), then read the
 * heap after a full GC, the JDK's direct-buffer pool and the platform-thread count. Client
 * sockets live in this JVM too, so a control row ("client only": a bare listener that just
 * holds accepted channels) shows what to subtract.
 *
 * <p>Not a test (nothing to assert on a shared machine) and not a benchmark: a probe for the
 * README's table. Run:
 * <pre>{@code
 * ./mvnw -o -q -pl async-echo test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java --enable-native-access=ALL-UNNAMED -cp async-echo/target/test-classes:async-echo/target/classes:$(cat async-echo/target/cp.txt) \
 *      dev.wirelab.async.probe.MemoryPerConnection 2000 netty
 * }</pre>
 * Each variant runs in a fresh JVM for clean numbers (pass one name per run).
 */
public final class MemoryPerConnection {

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        for (int i = 1; i < args.length; i++) {
            measure(args[i], n);
        }
    }

    private static void measure(String variant, int n) throws Exception {
        Baseline before = Baseline.take();
        List<SocketChannel> clients = new ArrayList<>(n);
        List<SocketChannel> held = new ArrayList<>(n);
        EchoServer server = null;
        ServerSocketChannel bare = null;
        InetSocketAddress address;
        if (variant.equals("client-only")) {
            bare = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0), n);
            address = (InetSocketAddress) bare.getLocalAddress();
        } else {
            EchoServerProvider provider = EchoServerProvider.named(variant).orElseThrow();
            server = provider.start(EchoConfig.defaults().withMaxConnections(n + 10).withIdleTimeout(Duration.ZERO));
            address = server.localAddress();
        }
        ByteBuffer one = ByteBuffer.allocate(1);
        for (int i = 0; i < n; i++) {
            SocketChannel c = SocketChannel.open(address);
            clients.add(c);
            if (bare != null) {
                held.add(bare.accept());
                continue;
            }
            one.clear().put((byte) i).flip();
            c.write(one);
            one.clear();
            while (one.hasRemaining() && c.read(one) >= 0) {
                // blocking read of the 1-byte echo
            }
        }
        Baseline after = Baseline.take();
        System.out.printf("%-14s n=%d heap/conn=%,d B direct/conn=%,d B platform threads=%d%n",
                variant, n, (after.heap - before.heap) / n, (after.direct - before.direct) / n, after.threads);
        for (SocketChannel c : clients) {
            c.close();
        }
        for (SocketChannel c : held) {
            c.close();
        }
        if (server != null) {
            server.close();
        }
        if (bare != null) {
            bare.close();
        }
    }

    private record Baseline(long heap, long direct, int threads) {
        static Baseline take() throws IOException {
            for (int i = 0; i < 3; i++) {
                System.gc();
            }
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            long direct = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                    .filter(b -> b.getName().equals("direct")).mapToLong(BufferPoolMXBean::getMemoryUsed).sum();
            return new Baseline(heap, direct, ManagementFactory.getThreadMXBean().getThreadCount());
        }
    }
}
