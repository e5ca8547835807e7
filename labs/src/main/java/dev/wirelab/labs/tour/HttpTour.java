package dev.wirelab.labs.tour;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import dev.wirelab.core.echo.EchoServerProvider;
import dev.wirelab.core.load.HttpLoad;
import dev.wirelab.core.protocol.Protocol;

/**
 * The tour over HTTP: every variant that speaks HTTP, including the {@code netty-http}
 * production twin, serves {@code GET /plaintext} to a real client, {@code wrk}, placed as the
 * echo tour places its load generator (see {@link Placement}).
 *
 * <p>Two scenarios, both at {@value #CONNECTIONS} connections on one wrk thread:
 * {@code plaintext} (one request in flight per connection: the cost of a round trip, so of
 * system calls and wake-ups) and {@code pipelined} (sixteen per write, as TechEmpower sends
 * them: the cost of parsing and answering). Each variant gets its own JVM and, by default,
 * one server thread ({@code --io-threads 1}): the goal compares models on one server core.
 *
 * <p>Without wrk the tour says how to install it and drives the servers with the load
 * generator's HTTP mode ({@link HttpLoad}) instead; the report names the client used.
 */
public final class HttpTour {

    public static final int CONNECTIONS = 64;
    public static final int PIPELINE = 16;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_DEADLINE = Duration.ofSeconds(15);
    private static final int WARMUP_ATTEMPTS = 5;

    /** The two loads. */
    public enum Scenario {
        PLAINTEXT("plaintext", 1), PIPELINED("pipelined", PIPELINE);

        private final String id;
        private final int pipeline;

        Scenario(String id, int pipeline) {
            this.id = id;
            this.pipeline = pipeline;
        }

        public String id() {
            return id;
        }

        public int pipeline() {
            return pipeline;
        }
    }

    /** What to run. */
    public record Plan(List<String> variants, Duration duration, Duration warmup, int ioThreads, Placement placement) {
    }

    /** One variant under one scenario; {@code failure} says why there are no figures. */
    public record Row(String variant, Scenario scenario, Optional<WrkClient.Figures> figures, Optional<Duration> serverCpu,
                      Optional<String> failure) {
        /** Server CPU in cores over the measured run (warm-up excluded), when it could be read. */
        public Optional<Double> serverCores() {
            return figures.flatMap(f -> serverCpu.map(cpu -> cpu.toNanos() / (double) f.measured().toNanos()));
        }
    }

    /** The whole run. */
    public record Result(LocalDateTime started, String machine, String settings, String client, List<Row> rows) {
        public boolean clean() {
            return rows.stream().allMatch(r -> r.failure().isEmpty()
                    && r.figures().map(f -> f.requests() > 0 && f.errors() == 0 && f.badStatus() == 0).orElse(false));
        }
    }

    /** Every provider that speaks HTTP, in the lab's order. */
    public static List<String> httpVariants() {
        return EchoServerProvider.all().stream().filter(p -> p.protocols().contains(Protocol.HTTP))
                .map(EchoServerProvider::name).toList();
    }

    private final Plan plan;
    private final Consumer<String> progress;
    private final Optional<WrkClient> wrk;

    public HttpTour(Plan plan, Consumer<String> progress) {
        this.plan = plan;
        this.progress = progress;
        this.wrk = WrkClient.find();
    }

    public boolean usesWrk() {
        return wrk.isPresent();
    }

    public Result run() throws InterruptedException {
        LocalDateTime started = LocalDateTime.now().withNano(0);
        if (wrk.isEmpty()) {
            progress.accept(WrkClient.installHint() + "; using the load generator's HTTP mode instead");
        }
        List<Row> rows = new ArrayList<>();
        for (String variant : plan.variants()) {
            rows.addAll(runVariant(variant));
        }
        String client = wrk.isPresent() ? "wrk -t1 -c" + CONNECTIONS + " --latency (pipelined: 16 requests per write, Lua)"
                : "wirelab HttpLoad, " + CONNECTIONS + " connections (wrk not installed)";
        return new Result(started, Tour.machine(), settings(), client, rows);
    }

    private List<Row> runVariant(String variant) throws InterruptedException {
        progress.accept(variant + ": starting");
        List<String> serveArgs = new ArrayList<>(List.of("--protocol", "http"));
        for (String option : Tour.variantOptions(variant)) {
            serveArgs.addAll(List.of("--option", option));
        }
        if (plan.ioThreads() > 0) {
            serveArgs.addAll(List.of("--io-threads", Integer.toString(plan.ioThreads())));
        }
        ServerProcess server;
        try {
            server = ServerProcess.start(Tour.providerName(variant), plan.placement().serverPrefix(), Tour.SERVER_JVM_FLAGS,
                    serveArgs, START_TIMEOUT);
        } catch (IOException e) {
            progress.accept(variant + ": FAILED: " + e.getMessage().lines().findFirst().orElse(""));
            return List.of(new Row(variant, Scenario.PLAINTEXT, Optional.empty(), Optional.empty(), Optional.of(e.getMessage())));
        }
        List<Row> rows = new ArrayList<>();
        try (server) {
            for (Scenario scenario : Scenario.values()) {
                Row row = measure(variant, scenario, server.address(), server);
                progress.accept(row.figures().map(f -> String.format("%s %s: %,.0f requests/s, p99 %,.0f µs, %d error(s), %d bad status",
                        variant, scenario.id(), f.requestsPerSecond(), f.p99Micros(), f.errors(), f.badStatus()))
                        .orElse(variant + " " + scenario.id() + ": FAILED: " + row.failure().orElse("")));
                rows.add(row);
            }
            server.stop(STOP_DEADLINE);
        }
        return rows;
    }

    /**
     * Warm-up first (thrown away), then the measured run with the server's CPU time read
     * around it. A cold JVM on a busy machine may answer nothing in a short warm-up, so the
     * warm-up is repeated (up to {@value #WARMUP_ATTEMPTS} times) until the server has answered.
     */
    private Row measure(String variant, Scenario scenario, InetSocketAddress at, ServerProcess server) throws InterruptedException {
        try {
            for (int attempt = 0; attempt < WARMUP_ATTEMPTS; attempt++) {
                if (load(scenario, at, plan.warmup()).requests() > 0) {
                    break;
                }
            }
            Duration cpuBefore = server.cpuTime();
            WrkClient.Figures figures = load(scenario, at, plan.duration());
            Duration cpu = server.cpuTime().minus(cpuBefore);
            return new Row(variant, scenario, Optional.of(figures), cpu.isZero() ? Optional.empty() : Optional.of(cpu), Optional.empty());
        } catch (IOException | RuntimeException e) {
            return new Row(variant, scenario, Optional.empty(), Optional.empty(), Optional.of(String.valueOf(e.getMessage())));
        }
    }

    private WrkClient.Figures load(Scenario scenario, InetSocketAddress at, Duration duration) throws IOException, InterruptedException {
        String url = "http://" + at.getHostString() + ":" + at.getPort() + "/plaintext";
        if (wrk.isPresent()) {
            return wrk.get().run(clientPrefix(), url, CONNECTIONS, duration, scenario.pipeline());
        }
        java.util.BitSet before = plan.placement() == Placement.OS ? null : CpuAffinity.current();
        try {
            if (before != null) {
                CpuAffinity.pin(plan.placement().clientCpus());
            }
            HttpLoad.Result r = HttpLoad.run(new HttpLoad.Spec(at, "/plaintext", CONNECTIONS, scenario.pipeline(), Duration.ZERO, duration));
            return new WrkClient.Figures(r.requests(), r.measured(), r.errors(), r.non2xx(), r.p50Micros(), r.p99Micros(), r.maxMicros());
        } finally {
            if (before != null) {
                CpuAffinity.pin(before);
            }
        }
    }

    /** wrk goes where the echo tour's load generator goes: {@code taskset -c CLIENT_CPU}. */
    private List<String> clientPrefix() {
        if (plan.placement() == Placement.OS) {
            return List.of();
        }
        List<String> prefix = new ArrayList<>(plan.placement().serverPrefix());
        prefix.set(prefix.size() - 1, Integer.toString(plan.placement().clientCpus().nextSetBit(0)));
        return prefix;
    }

    private String settings() {
        return String.format("%s measured after %s warm-up per scenario; server threads: %s; placement: %s",
                Tour.seconds(plan.duration()), Tour.seconds(plan.warmup()),
                plan.ioThreads() > 0 ? Integer.toString(plan.ioThreads()) : "each variant's default",
                plan.placement().describe());
    }
}
