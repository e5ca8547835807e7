package dev.wirelab.labs.tour;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import dev.wirelab.core.echo.EchoServerProvider;
import dev.wirelab.core.load.LoadGenerator;
import dev.wirelab.core.load.LoadProgress;
import dev.wirelab.core.load.LoadReport;
import dev.wirelab.core.load.LoadSpec;

/**
 * The lab's main job: every server variant, one after the other, under the same loads.
 *
 * <p>For each variant the tour starts {@code lab serve VARIANT} in a JVM of its own (so the
 * server's CPU and memory are its own — see {@link ServerProcess}), runs each scenario with
 * the one load generator, reads the server's CPU time and resident memory around each run,
 * and stops the server before the next variant starts, so no two servers ever compete for
 * the two cores.
 *
 * <p>Where the lab simplifies: client and server share this machine's cores, so the client's
 * own cost is in every figure; a production benchmark puts them on separate hosts (the tour
 * can drive a remote server with {@code --host/--port}).
 */
public final class Tour {

    /** JVM flags every server process gets: the same the {@code ./lab} launcher uses. */
    static final List<String> SERVER_JVM_FLAGS = List.of(
            "--add-modules", "jdk.incubator.vector",
            "--enable-native-access=ALL-UNNAMED",
            "--sun-misc-unsafe-memory-access=allow",
            "-Djava.awt.headless=true");

    /** The flags a lab JVM started by the tour needs (servers, and clients in namespaces). */
    public static List<String> serverJvmFlags() {
        return SERVER_JVM_FLAGS;
    }

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    /** The unmeasured load each server gets before its first scenario: many connections, small messages. */
    static final TourScenario WARM_UP = new TourScenario("warm-up", 64, 64, 1);
    private static final Duration STOP_DEADLINE = Duration.ofSeconds(15);

    private final TourPlan plan;
    private final TourListener listener;
    private final Path profileDir;

    /**
     * @param profileDir where {@code --profile} recordings go ({@code <variant>.jfr}); unused otherwise
     */
    public Tour(TourPlan plan, TourListener listener, Path profileDir) {
        this.plan = plan;
        this.listener = listener;
        this.profileDir = profileDir;
    }

    public TourResult run() throws InterruptedException {
        LocalDateTime started = LocalDateTime.now().withNano(0);
        List<TourResult.VariantRun> variants = new ArrayList<>();
        if (plan.remote().isPresent()) {
            variants.add(runRemote(plan.remote().get()));
        } else {
            for (String variant : plan.variants()) {
                variants.add(runVariant(variant));
            }
        }
        return new TourResult(started, machine(), settings(), plan.remote().isPresent() ? 0 : plan.placement().serverCpuCount(),
                variants);
    }

    private TourResult.VariantRun runRemote(InetSocketAddress target) throws InterruptedException {
        String name = "remote " + target.getHostString() + ":" + target.getPort();
        listener.variantStarting(name);
        List<TourResult.ScenarioRun> runs = new ArrayList<>();
        for (TourScenario scenario : plan.scenarios()) {
            long start = System.nanoTime();
            LoadReport report = load(name, scenario, target, update -> { });
            TourResult.ScenarioRun run = new TourResult.ScenarioRun(scenario, report, Optional.empty(),
                    Duration.ofNanos(System.nanoTime() - start), OptionalLong.empty(), Optional.empty(), Optional.empty());
            listener.scenarioDone(name, run);
            runs.add(run);
        }
        return new TourResult.VariantRun(name, "unknown", "", runs, Optional.empty(), Optional.empty(), Optional.empty());
    }

    private TourResult.VariantRun runVariant(String variant) throws InterruptedException {
        listener.variantStarting(variant);
        String model = EchoServerProvider.named(providerName(variant)).map(EchoServerProvider::model).orElse("?");
        Path jfr = profileDir.resolve(variant + ".jfr");
        ServerProcess server;
        try {
            server = ServerProcess.start(providerName(variant), serverPrefix(), serverAddress(), jvmFlags(variant, jfr),
                    serveArgs(variant), START_TIMEOUT);
        } catch (IOException e) {
            listener.variantFailed(variant, e.getMessage());
            return new TourResult.VariantRun(variant, model, "", List.of(), Optional.empty(), Optional.of(e.getMessage()),
                    Optional.empty());
        }
        List<TourResult.ScenarioRun> runs = new ArrayList<>();
        Optional<TourResult.ScenarioRun> repeat;
        java.time.Instant loadStarted = java.time.Instant.now();
        try (server) {
            // Phase 1: warm the server's code up (JIT) under the many-connection load, unmeasured, so the
            // first scenario measures the server and not its compiler.
            listener.scenarioDone(variant, measure(variant, WARM_UP, server));
            // Phase 2: the scenarios.
            for (TourScenario scenario : plan.scenarios()) {
                TourResult.ScenarioRun run = measure(variant, scenario, server);
                listener.scenarioDone(variant, run);
                runs.add(run);
            }
            // Phase 3: the first scenario again: if it differs from the first pass, the warm-up was too short.
            TourResult.ScenarioRun again = measure(variant, plan.scenarios().getFirst(), server);
            listener.scenarioDone(variant, again);
            repeat = Optional.of(again);
            server.stop(STOP_DEADLINE);
        }
        return new TourResult.VariantRun(variant, model, details(server.output()), runs, profile(jfr, loadStarted),
                Optional.empty(), repeat);
    }

    /**
     * One scenario. CPU time and wall time are read around the whole load, warm-up included
     * (the "server CPU" column); the cost per message is read from the server's {@code /proc}
     * counters at every progress update of the measured phase (see {@link CostMeter}).
     */
    private TourResult.ScenarioRun measure(String variant, TourScenario scenario, ServerProcess server) throws InterruptedException {
        Duration cpuBefore = server.cpuTime();
        int outputBefore = server.output().size();
        CostMeter meter = new CostMeter();
        long start = System.nanoTime();
        LoadReport report = load(variant, scenario, server.address(), update -> {
            if (update.phase() == LoadProgress.Phase.MEASURING) {
                ProcCounters.read(server.pid()).ifPresent(c -> meter.add(c, update.messages()));
            }
        });
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        Duration cpu = server.cpuTime().minus(cpuBefore);
        return new TourResult.ScenarioRun(scenario, report, cpu.isZero() ? Optional.empty() : Optional.of(cpu),
                wall, server.residentBytes(), meter.cost(ProcCounters.ticksPerSecond()),
                Optional.of(GcPauses.from(server.output().subList(outputBefore, server.output().size()))));
    }

    private LoadReport load(String variant, TourScenario scenario, InetSocketAddress target, LoadProgress observer)
            throws InterruptedException {
        LoadSpec spec = LoadSpec.defaults(target)
                .withConnections(scenario.connections())
                .withMessageSize(scenario.size())
                .withPipeline(scenario.pipeline())
                .withDuration(plan.duration())
                .withWarmup(plan.warmup());
        if (plan.hosts().isPresent()) {
            return loadFromHosts(plan.hosts().get(), spec);
        }
        // Pin this thread before the generator starts its I/O threads: they inherit its CPUs.
        java.util.BitSet before = plan.placement() == Placement.OS ? null : CpuAffinity.current();
        try {
            if (before != null) {
                CpuAffinity.pin(plan.placement().clientCpus());
            }
            return LoadGenerator.run(spec, update -> {
                observer.update(update);
                listener.scenarioProgress(variant, scenario, update);
            });
        } catch (IOException e) {
            // The generator reports connection trouble inside the report; an IOException here
            // means it could not even set up (no selector, say): nothing was measured.
            throw new IllegalStateException("load generator could not run against " + target + ": " + e.getMessage(), e);
        } finally {
            if (before != null) {
                CpuAffinity.pin(before);
            }
        }
    }

    /**
     * The load from other hosts: {@code lab load --json} on each, started together, merged
     * exactly. A client in a namespace here is pinned like the in-JVM generator would be.
     */
    private LoadReport loadFromHosts(ClientHosts hosts, LoadSpec spec) throws InterruptedException {
        List<String> pin = hosts.serverNamespace().isPresent() ? plan.placement().clientPrefix() : List.of();
        return hosts.run(spec, pin);
    }

    /** {@code ip netns exec NS} when the server runs on a namespace host, then the placement's {@code taskset}. */
    private List<String> serverPrefix() {
        List<String> prefix = new ArrayList<>();
        plan.hosts().flatMap(ClientHosts::serverNamespace).ifPresent(ns -> prefix.addAll(List.of("ip", "netns", "exec", ns)));
        prefix.addAll(plan.placement().serverPrefix());
        return prefix;
    }

    private String serverAddress() {
        return plan.hosts().map(ClientHosts::serverAddress).orElse("127.0.0.1");
    }

    /**
     * The server JVM's flags: the launcher's, the system properties the variant's options stand
     * for ({@link EchoServerProvider#jvmProperties}: {@code virtual@pollerMode=1} starts the JVM with
     * {@code -Djdk.pollerMode=1}), and the recording when profiling.
     */
    List<String> jvmFlags(String variant, Path jfr) {
        List<String> flags = new ArrayList<>(SERVER_JVM_FLAGS);
        flags.add(GcPauses.LOG_FLAG);       // one line per GC pause, read back per scenario
        Map<String, String> options = new LinkedHashMap<>();
        for (String option : variantOptions(variant)) {
            int eq = option.indexOf('=');
            options.put(option.substring(0, eq), option.substring(eq + 1));
        }
        EchoServerProvider.named(providerName(variant)).ifPresent(p ->
                p.jvmProperties(options).forEach((name, value) -> flags.add("-D" + name + "=" + value)));
        if (plan.profile()) {
            flags.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + jfr);
        }
        return flags;
    }

    /**
     * A tour variant is a provider name, optionally with server options after {@code @}:
     * {@code netty@transport=epoll} runs the {@code netty} provider with {@code --option transport=epoll},
     * so one tour can put several configurations of one server side by side.
     */
    public static String providerName(String variant) {
        int at = variant.indexOf('@');
        return at < 0 ? variant : variant.substring(0, at);
    }

    public static List<String> variantOptions(String variant) {
        int at = variant.indexOf('@');
        if (at < 0) {
            return List.of();
        }
        List<String> options = new ArrayList<>();
        for (String option : variant.substring(at + 1).split("@")) {
            if (!option.matches("[a-zA-Z0-9_.-]+=[^@]+")) {
                throw new IllegalArgumentException("variant '" + variant + "': server options go as NAME@key=value[@key=value], e.g. netty@transport=epoll");
            }
            options.add(option);
        }
        return options;
    }

    private List<String> serveArgs(String variant) {
        List<String> args = new ArrayList<>();
        for (String option : variantOptions(variant)) {
            args.add("--option");
            args.add(option);
        }
        if (plan.ioThreads() > 0) {
            args.add("--io-threads");
            args.add(Integer.toString(plan.ioThreads()));
        }
        return args;
    }

    /** What {@code lab serve} printed about the server on its second line: "nio (selector), loops=2; Ctrl-C stops it". */
    private static final java.util.regex.Pattern SERVE_DETAILS =
            java.util.regex.Pattern.compile("^\\S+ \\([^)]*\\)(?:, (.*))?; Ctrl-C stops it$");

    static String details(List<String> serveOutput) {
        return serveOutput.stream().map(SERVE_DETAILS::matcher).filter(java.util.regex.Matcher::matches)
                .map(m -> m.group(1) == null ? "" : m.group(1)).findFirst().orElse("");
    }

    private Optional<ProfileSummary> profile(Path jfr, java.time.Instant since) {
        if (!plan.profile() || !Files.exists(jfr)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ProfileSummary.read(jfr, 8, since));
        } catch (IOException e) {
            listener.variantFailed(jfr.getFileName().toString(), "could not read the JFR recording: " + e.getMessage());
            return Optional.empty();
        }
    }

    static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, JDK " + Runtime.version()
                + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch");
    }

    private String settings() {
        return String.format("%s measured after %s warm-up per scenario; server threads: %s; client: one load-generator thread; "
                        + "placement: %s",
                seconds(plan.duration()), seconds(plan.warmup()),
                plan.ioThreads() > 0 ? Integer.toString(plan.ioThreads()) : "each variant's default (one per core it may use)",
                plan.remote().isPresent() ? "remote server" : plan.placement().describe())
                + plan.hosts().map(h -> "; " + h.clients().size() + " client host(s), each running the whole scenario, "
                        + "reports merged exactly; network: " + h.network()).orElse("; network: loopback");
    }

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : String.format("%.1f s", d.toMillis() / 1000.0);
    }
}
