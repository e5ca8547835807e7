package dev.wirelab.labs.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.wirelab.core.echo.EchoConfig;
import dev.wirelab.core.echo.EchoServer;
import dev.wirelab.core.echo.EchoServerProvider;
import dev.wirelab.core.metrics.ConnectionMetrics;
import dev.wirelab.core.protocol.Protocol;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lab serve NAME}: runs one echo server variant in the foreground until Ctrl-C.
 *
 * <p>The first line of output is always {@code listening HOST:PORT}, so a script (or a test)
 * can start it with {@code --port 0} and read the port it got. SIGINT and SIGTERM run a JVM
 * shutdown hook that closes the server gracefully and prints its final metrics; so does an
 * interrupt of the thread running the command (how tests and notebooks stop it).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run one echo server variant in the foreground (Ctrl-C stops it gracefully).",
        footer = {"", "Example:  lab serve blocking --port 7007   then   lab load 127.0.0.1:7007",
                "          lab serve nio --protocol http --port 8080   then   curl http://127.0.0.1:8080/plaintext"})
public final class ServeCommand implements Callable<Integer> {

    static final Duration SHUTDOWN_DEADLINE = Duration.ofSeconds(5);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "The variant, as listed by 'lab variants'.")
    String name;

    @Option(names = "--host", paramLabel = "H", description = "Address to bind (default: ${DEFAULT-VALUE}).")
    String host = EchoConfig.DEFAULT_HOST;

    @Option(names = "--port", paramLabel = "N", description = "Port to bind; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port = 0;

    @Option(names = "--max-connections", paramLabel = "N", description = "Connections served at once; more are refused (default: ${DEFAULT-VALUE}).")
    int maxConnections = EchoConfig.DEFAULT_MAX_CONNECTIONS;

    @Option(names = "--idle-timeout", paramLabel = "DURATION", converter = CliValues.DurationConverter.class,
            description = "Close connections silent this long, e.g. 30s; 0 disables (default: 60s).")
    Duration idleTimeout = EchoConfig.DEFAULT_IDLE_TIMEOUT;

    @Option(names = "--io-threads", paramLabel = "N", description = "Event-loop/worker threads; 0 lets the variant choose (default: ${DEFAULT-VALUE}).")
    int ioThreads = 0;

    @Option(names = "--read-buffer", paramLabel = "SIZE", converter = CliValues.SizeConverter.class,
            description = "Bytes read in one go, e.g. 16k (default: 16k).")
    int readBufferSize = EchoConfig.DEFAULT_READ_BUFFER_SIZE;

    @Option(names = "--max-pending-write", paramLabel = "SIZE", converter = CliValues.SizeConverter.class,
            description = "Bytes a connection may hold unsent before the server stops reading it (default: 256k).")
    int maxPendingWriteBytes = EchoConfig.DEFAULT_MAX_PENDING_WRITE_BYTES;

    @Option(names = "--send-buffer", paramLabel = "SIZE", converter = CliValues.SizeConverter.class,
            description = "SO_SNDBUF of every accepted socket, e.g. 4k; Linux doubles it and turns auto-tuning off. "
                    + "A small one makes the server's writes partial (default: 0, the OS's auto-tuned buffer).")
    int sendBufferSize = 0;

    @Option(names = "--protocol", paramLabel = "echo|http", converter = CliValues.ProtocolConverter.class,
            description = "What each connection speaks: echo (every byte back) or http (the HTTP/1.1 routes; try "
                    + "curl http://HOST:PORT/plaintext) (default: echo).")
    Protocol protocol = Protocol.ECHO;

    @Option(names = "--option", paramLabel = "KEY=VALUE", description = "A variant-specific setting, e.g. transport=epoll (repeatable).")
    Map<String, String> options = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        EchoServerProvider provider = EchoServerProvider.named(name).orElseThrow(() -> new CommandLine.ParameterException(
                spec.commandLine(), "unknown variant '" + name + "'; known variants: " + VariantsCommand.knownNames()));
        EchoConfig config = config();
        if (!provider.protocols().contains(protocol)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "'" + name + "' does not speak " + protocol.label()
                    + "; it speaks " + provider.protocols().stream().map(Protocol::label).sorted().toList());
        }
        EchoServer server;
        try {
            server = provider.start(config);
        } catch (IllegalArgumentException e) {
            // The variant refused a setting (e.g. an option it does not know).
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        } catch (IOException e) {
            spec.commandLine().getErr().println("lab serve: cannot listen on " + config.host() + ":" + config.port() + ": "
                    + e.getMessage() + " (pick another --port, or 0 for any free one)");
            return 1;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("listening " + CliValues.text(server.localAddress()));
        out.println(server.name() + " (" + provider.model() + ")"
                + (server.details().isEmpty() ? "" : ", " + server.details())
                + (protocol == Protocol.ECHO ? "" : ", protocol=" + protocol.label())
                + (config.sendBufferSize() == 0 ? "" : ", send buffer " + config.sendBufferSize() + " B")
                + "; Ctrl-C stops it");
        out.flush();
        serveUntilStopped(server, out);
        return 0;
    }

    private EchoConfig config() {
        try {
            return new EchoConfig(host, port, maxConnections, idleTimeout, readBufferSize, maxPendingWriteBytes,
                    ioThreads, EchoConfig.DEFAULT_BACKLOG, options, protocol, sendBufferSize);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /**
     * Blocks until a signal (shutdown hook) or an interrupt, then shuts the server down
     * gracefully exactly once and prints its final metrics.
     */
    private static void serveUntilStopped(EchoServer server, PrintWriter out) throws InterruptedException {
        AtomicBoolean stopping = new AtomicBoolean();
        CountDownLatch stopped = new CountDownLatch(1);
        Runnable stop = () -> {
            if (stopping.compareAndSet(false, true)) {
                try {
                    stopAndReport(server, out);
                } finally {
                    stopped.countDown();
                }
            }
        };
        // SIGINT/SIGTERM: the JVM runs this hook; it must finish the shutdown before the JVM exits.
        Thread hook = Thread.ofPlatform().name("lab-serve-shutdown").unstarted(() -> {
            stop.run();
            awaitQuietly(stopped);
        });
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            // Interrupted by whoever runs us (a test, a notebook): stop the same way a signal would.
            stop.run();
            removeHook(hook);
            return;
        }
        removeHook(hook);
    }

    private static void stopAndReport(EchoServer server, PrintWriter out) {
        out.println("stopping " + server.name() + " (graceful, deadline " + SHUTDOWN_DEADLINE.toSeconds() + " s)");
        boolean clean;
        try {
            clean = server.shutdown(SHUTDOWN_DEADLINE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            clean = false;
        }
        ConnectionMetrics.Snapshot m = server.metrics();
        out.println((clean ? "stopped" : "stopped after the deadline (connections cut off)")
                + String.format(": accepted=%d refused=%d closed=%d idle-timeouts=%d errors=%d peak-active=%d"
                        + " bytes-read=%d bytes-written=%d",
                m.accepted(), m.refused(), m.closed(), m.idleTimeouts(), m.errors(), m.peakActive(),
                m.bytesRead(), m.bytesWritten()));
        out.flush();
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook is running and finishes the job.
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
