package dev.wirelab.labs.cli;

import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Callable;

import dev.wirelab.core.load.LoadGenerator;
import dev.wirelab.core.load.LoadReport;
import dev.wirelab.core.load.LoadSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lab load HOST:PORT}: drives any echo server (ours, or anyone's) with the load
 * generator and prints its {@link LoadReport}. Exit code 0 means every connection opened and
 * every byte came back right; 1 means the report lists errors.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Drive an echo server with load, verify every echoed byte, and report throughput and latency.",
        footer = {"", "Examples:",
                "  lab load 127.0.0.1:7007                                 closed loop, 4 connections x 64 B, 10 s",
                "  lab load 127.0.0.1:7007 -c 100 -s 1k -p 4 -d 30s       100 connections, 4 messages in flight each",
                "  lab load 127.0.0.1:7007 --rate 20000 --json            open loop at 20,000 msg/s, JSON out"})
public final class LoadCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "HOST:PORT", description = "The echo server, e.g. 127.0.0.1:7007.")
    String target;

    @Option(names = {"-c", "--connections"}, paramLabel = "N", description = "Connections (default: ${DEFAULT-VALUE}).")
    int connections = LoadSpec.DEFAULT_CONNECTIONS;

    @Option(names = {"-s", "--size"}, paramLabel = "SIZE", converter = CliValues.SizeConverter.class,
            description = "Bytes per message, e.g. 64, 1k, 1m (default: 64).")
    int size = LoadSpec.DEFAULT_MESSAGE_SIZE;

    @Option(names = {"-p", "--pipeline"}, paramLabel = "N", description = "Messages in flight per connection (default: ${DEFAULT-VALUE}).")
    int pipeline = 1;

    @Option(names = {"-d", "--duration"}, paramLabel = "DURATION", converter = CliValues.DurationConverter.class,
            description = "Measured time, e.g. 10s (default: 10s); always the upper bound of a run.")
    Duration duration = LoadSpec.DEFAULT_DURATION;

    @Option(names = {"-n", "--messages"}, paramLabel = "N", description = "Stop after this many measured messages (default: no limit).")
    long messages = 0;

    @Option(names = {"-r", "--rate"}, paramLabel = "MSG/S",
            description = "Open loop: messages per second over all connections, latency corrected for coordinated omission (default: closed loop).")
    double rate = 0;

    @Option(names = {"-w", "--warmup"}, paramLabel = "DURATION", converter = CliValues.DurationConverter.class,
            description = "Unmeasured time before measuring, e.g. 2s (default: 2s).")
    Duration warmup = LoadSpec.DEFAULT_WARMUP;

    @Option(names = "--threads", paramLabel = "N", description = "Client I/O threads (default: ${DEFAULT-VALUE}: leaves the other cores to the server).")
    int threads = 1;

    @Option(names = "--connect-timeout", paramLabel = "DURATION", converter = CliValues.DurationConverter.class,
            description = "How long connecting may take (default: 5s).")
    Duration connectTimeout = LoadSpec.DEFAULT_CONNECT_TIMEOUT;

    @Option(names = "--nagle", description = "Leave Nagle's algorithm on (no TCP_NODELAY) on the client sockets.")
    boolean nagle;

    @Option(names = "--sndbuf", paramLabel = "SIZE", converter = CliValues.SizeConverter.class,
            description = "Client SO_SNDBUF, e.g. 64k (default: the OS's, auto-tuned).")
    int sendBuffer;

    @Option(names = "--rcvbuf", paramLabel = "SIZE", converter = CliValues.SizeConverter.class,
            description = "Client SO_RCVBUF, e.g. 64k (default: the OS's, auto-tuned).")
    int receiveBuffer;

    @Option(names = "--max-write", paramLabel = "SIZE", converter = CliValues.SizeConverter.class,
            description = "Write each message in pieces of at most SIZE bytes (default: whole).")
    int maxWrite;

    @Option(names = "--json", description = "Print the report as one JSON object.")
    boolean json;

    @Option(names = "--start-at", paramLabel = "EPOCH_MS",
            description = "Start at this wall-clock time (milliseconds since 1970): several hosts started together (default: now).")
    long startAt;

    @Override
    public Integer call() throws Exception {
        LoadSpec load = loadSpec();
        PrintWriter err = spec.commandLine().getErr();
        waitForStart(err);
        if (!json) {
            err.println("lab load: " + load.summary() + " against " + load.targetText());
            err.flush();
        }
        LoadReport report = LoadGenerator.run(load);
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? report.toJson() + System.lineSeparator() : report.toText());
        out.flush();
        if (!report.clean()) {
            err.println("lab load: " + report.connectFailures() + " connect failures and " + report.errorCount()
                    + " connection errors: " + report.firstError());
            return 1;
        }
        return 0;
    }

    /** Sleeps until {@code --start-at}; says so when this host got there late (its JVM started slowly, or its clock is off). */
    private void waitForStart(PrintWriter err) throws InterruptedException {
        if (startAt == 0) {
            return;
        }
        long wait = startAt - System.currentTimeMillis();
        if (wait > 600_000) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--start-at is more than 10 minutes ahead: is it in milliseconds?");
        }
        if (wait > 0) {
            Thread.sleep(wait);
        } else if (wait < -100) {
            err.println("lab load: started " + -wait + " ms after --start-at");
            err.flush();
        }
    }

    private LoadSpec loadSpec() {
        try {
            InetSocketAddress address = CliValues.hostPort(target);
            return new LoadSpec(address, connections, size, pipeline, duration, messages, rate, warmup, connectTimeout, threads,
                    new LoadSpec.Socket(!nagle, sendBuffer, receiveBuffer, maxWrite));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
