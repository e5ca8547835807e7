package dev.wirelab.labs.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import dev.wirelab.core.echo.EchoServerProvider;
import dev.wirelab.core.load.LoadProgress;
import dev.wirelab.core.protocol.Protocol;
import dev.wirelab.labs.report.ReportFiles;
import dev.wirelab.labs.tour.HttpTour;
import dev.wirelab.labs.tour.HttpTourReport;
import dev.wirelab.labs.tour.Placement;
import dev.wirelab.labs.tour.Tour;
import dev.wirelab.labs.tour.TourListener;
import dev.wirelab.labs.tour.TourPlan;
import dev.wirelab.labs.tour.TourReport;
import dev.wirelab.labs.tour.TourResult;
import dev.wirelab.labs.tour.TourScenario;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lab tour}: every server variant under the same loads; one table, one chart. */
@Command(name = "tour", mixinStandardHelpOptions = true,
        description = {"Run every server variant under the same loads on loopback and print one comparison table.",
            "Each server runs in a JVM of its own; the report goes to reports/tour-<time>.md, .json and .png charts."})
public final class TourCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--quick", description = "short runs (1 s after 0.5 s warm-up): for notebooks and CI")
    boolean quick;

    @Option(names = "--variants", split = ",", paramLabel = "NAME",
            description = "which variants (default: all; see lab variants); NAME@key=value adds a server option, "
                    + "e.g. netty@transport=epoll,netty@transport=nio")
    List<String> variants;

    @Option(names = "--scenario", split = ",", paramLabel = "ID", description = "latency, rate, bandwidth (default: all three)")
    List<String> scenarios;

    @Option(names = "--duration", paramLabel = "SECONDS", description = "measured seconds per scenario (default 5; quick 1)")
    Double durationSeconds;

    @Option(names = "--warmup", paramLabel = "SECONDS", description = "warm-up seconds before each (default 2; quick 0.5)")
    Double warmupSeconds;

    @Option(names = "--connections", paramLabel = "N", description = "override every scenario's connection count")
    Integer connections;

    @Option(names = "--size", paramLabel = "BYTES", description = "override every scenario's message size")
    Integer size;

    @Option(names = "--io-threads", paramLabel = "N", description = "server loop/worker threads (default: each variant's, one per core)")
    int ioThreads;

    @Option(names = "--host", paramLabel = "HOST", description = "drive a server already running there instead of starting ours (with --port)")
    String host;

    @Option(names = "--port", paramLabel = "PORT", description = "port of the server given by --host")
    Integer port;

    @Option(names = "--placement", paramLabel = "split|same|os",
            description = "where client and server run: split (client on CPU 0, server on the rest; the default where possible), "
                    + "same (both on CPU 0) or os (not pinned)")
    String placement;

    @Option(names = "--profile", description = "record a JFR file per variant; print hot methods and allocation sites")
    boolean profile;

    @Option(names = "--protocol", paramLabel = "echo|http", converter = CliValues.ProtocolConverter.class,
            description = "echo (the load generator's three scenarios, the default) or http (every HTTP variant and the "
                    + "netty-http twin under wrk: plaintext and 16-deep pipelined GET /plaintext at 64 connections)")
    Protocol protocol = Protocol.ECHO;

    @Option(names = "--out", paramLabel = "DIR", description = "report folder (default: reports/ under the project)")
    Path out;

    @Option(names = "--net", description = "server in namespace wl-h1, load from wl-h2.. (lab net's hosts; made for the tour "
            + "and removed after it when none are up): every byte crosses a veth pair and two network stacks. Needs root.")
    boolean net;

    @Option(names = "--clients", split = ",", paramLabel = "HOST",
            description = "run the load on these hosts over ssh (lab load --json on each, started together, merged); "
                    + "with --host/--port or --bind")
    List<String> clients;

    @Option(names = "--bind", paramLabel = "ADDR", description = "with --clients: the address our server listens on and the clients connect to")
    String bind;

    @Option(names = "--remote-lab", paramLabel = "PATH", description = "with --clients: the lab launcher on the client hosts "
            + "(default: this checkout's path, ./lab)")
    String remoteLab;

    /** Namespaces the tour made for --net, removed when it ends. */
    private java.util.Optional<String> madeNet = java.util.Optional.empty();

    @Override
    public Integer call() throws Exception {
        if (protocol == Protocol.HTTP) {
            return httpTour();
        }
        TourPlan plan = plan();
        PrintWriter pw = spec.commandLine().getOut();
        ReportFiles files = ReportFiles.orDefault(out);
        Path base = files.reserve("tour", LocalDateTime.now(), "md", "json");
        Path profileDir = base.resolveSibling(base.getFileName() + "-jfr");
        if (plan.profile()) {
            Files.createDirectories(profileDir);
        }
        pw.printf("lab tour: %s; %d scenario(s) × %s measured after %s warm-up (about %d s); %s%n",
                plan.remote().map(a -> "remote server " + a).orElse(String.join(", ", plan.variants())),
                plan.scenarios().size(), seconds(plan.duration()), seconds(plan.warmup()),
                plan.plannedLoadTime().toSeconds() + 3L * plan.variants().size(),
                plan.remote().isPresent() ? "" : "placement: " + plan.placement().describe());
        pw.flush();

        TourResult result;
        try (Progress progress = new Progress(plan, System.err, System.console() != null)) {
            result = new Tour(plan, progress, profileDir).run();
        } finally {
            madeNet.ifPresent(prefix -> new dev.wirelab.labs.net.NetLab().down(prefix));
        }
        TourReport report = new TourReport(result);
        pw.println();
        pw.print(report.toTerminal());
        report.writeAll(base);
        pw.printf("%nwrote %s.md, .json, -rate.png, -latency.png%s%n", base,
                plan.profile() ? " and JFR recordings in " + profileDir : "");
        boolean clean = result.variants().stream().allMatch(v -> v.failure().isEmpty()
                && v.runs().stream().allMatch(r -> r.report().clean()));
        return clean ? 0 : 1;
    }

    /** {@code --protocol http}: the same placement rules, wrk as the client, its own table and goals. */
    private int httpTour() throws Exception {
        if (host != null || port != null || profile || scenarios != null || connections != null || size != null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--protocol http runs its own two scenarios on our servers; --host/--port, --profile, --scenario, "
                            + "--connections and --size belong to the echo tour");
        }
        List<String> known = HttpTour.httpVariants();
        List<String> chosen = variants == null ? known : variants;
        for (String v : chosen) {
            if (!known.contains(Tour.providerName(v))) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "no HTTP variant '" + v + "'; known: " + String.join(", ", known));
            }
        }
        Duration duration = seconds(durationSeconds, quick ? TourPlan.QUICK_DURATION : TourPlan.DEFAULT_DURATION, "--duration");
        Duration warmup = seconds(warmupSeconds, quick ? TourPlan.QUICK_WARMUP : TourPlan.DEFAULT_WARMUP, "--warmup");
        Placement where;
        try {
            where = placement == null ? Placement.defaultHere() : Placement.parse(placement);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        HttpTour.Plan plan = new HttpTour.Plan(chosen, duration, warmup, ioThreads > 0 ? ioThreads : 1, where);
        PrintWriter pw = spec.commandLine().getOut();
        pw.printf("lab tour --protocol http: %s; 2 scenario(s) x %s measured after %s warm-up; placement: %s%n",
                String.join(", ", chosen), seconds(duration), seconds(warmup), where.describe());
        pw.flush();
        HttpTour tour = new HttpTour(plan, line -> System.err.println("  " + line));
        HttpTour.Result result = tour.run();
        HttpTourReport report = new HttpTourReport(result);
        pw.println();
        pw.print(report.toTerminal());
        Path base = ReportFiles.orDefault(out).reserve("tour-http", LocalDateTime.now(), "md", "json");
        report.writeAll(base);
        pw.printf("%nwrote %s.md, .json, -rate.png%n", base);
        return result.clean() ? 0 : 1;
    }

    TourPlan plan() {
        // netty-http speaks only HTTP: the echo tour runs every variant that speaks echo.
        List<String> known = EchoServerProvider.all().stream().filter(p -> p.protocols().contains(Protocol.ECHO))
                .map(EchoServerProvider::name).toList();
        List<String> chosen = variants == null ? known : variants;
        for (String v : chosen) {
            try {
                Tour.variantOptions(v);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            if (!known.contains(Tour.providerName(v))) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "no variant '" + v + "'; known variants: " + String.join(", ", known));
            }
        }
        List<TourScenario> chosenScenarios = new ArrayList<>();
        try {
            for (String id : scenarios == null ? List.of("latency", "rate", "bandwidth") : scenarios) {
                chosenScenarios.add(TourScenario.parse(id).with(connections, size));
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if ((host == null) != (port == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--host and --port go together: give both to drive a remote server");
        }
        Optional<InetSocketAddress> remote = host == null ? Optional.empty() : Optional.of(new InetSocketAddress(host, port));
        Duration duration = seconds(durationSeconds, quick ? TourPlan.QUICK_DURATION : TourPlan.DEFAULT_DURATION, "--duration");
        Duration warmup = seconds(warmupSeconds, quick ? TourPlan.QUICK_WARMUP : TourPlan.DEFAULT_WARMUP, "--warmup");
        try {
            Placement where = placement == null ? Placement.defaultHere() : Placement.parse(placement);
            return new TourPlan(chosen, chosenScenarios, duration, warmup, ioThreads, profile, remote, where, clientHosts());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /**
     * Where the load comes from: this JVM (the default), the namespaces of {@code lab net}
     * ({@code --net}), or ssh hosts ({@code --clients}).
     */
    private Optional<dev.wirelab.labs.tour.ClientHosts> clientHosts() {
        if (net && (clients != null || host != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--net runs server and clients in lab net's namespaces: leave out --clients and --host");
        }
        if (net) {
            Optional<String> why = dev.wirelab.labs.net.NetLab.unavailableReason();
            if (why.isPresent()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--net: " + why.get());
            }
            dev.wirelab.labs.net.NetLab lab = new dev.wirelab.labs.net.NetLab();
            String prefix = dev.wirelab.labs.net.NetLayout.DEFAULT_PREFIX;
            dev.wirelab.labs.net.NetLayout layout = lab.current(prefix).orElseGet(() -> {
                dev.wirelab.labs.net.NetLayout two = new dev.wirelab.labs.net.NetLayout(prefix, 2, Optional.empty());
                lab.up(two);
                madeNet = Optional.of(prefix);
                return two;
            });
            return Optional.of(dev.wirelab.labs.tour.ClientHosts.namespaces(layout,
                    dev.wirelab.labs.tour.ClientHosts.labHere(Tour.serverJvmFlags())));
        }
        if (clients == null) {
            return Optional.empty();
        }
        if ((host == null) == (bind == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--clients needs a server the client hosts can reach: --host/--port (one that runs) or --bind ADDR (ours)");
        }
        String lab = remoteLab != null ? remoteLab
                : Path.of(System.getProperty("wirelab.root", "."), "lab").toAbsolutePath().normalize().toString();
        try {
            return Optional.of(dev.wirelab.labs.tour.ClientHosts.ssh(clients, host != null ? host : bind, lab));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private Duration seconds(Double value, Duration fallback, String option) {
        if (value == null) {
            return fallback;
        }
        if (!(value > 0) || value > 3600) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + " must be more than 0 and at most 3600 seconds, was " + value);
        }
        return Duration.ofMillis(Math.round(value * 1000));
    }

    private static String seconds(Duration d) {
        return String.format("%.1f s", d.toMillis() / 1000.0);
    }

    /**
     * The tour's progress: a bar over the whole planned load time when a person watches
     * (a terminal), one line per finished scenario otherwise (logs, CI, notebooks).
     */
    static final class Progress implements TourListener, AutoCloseable {
        private final PrintStream out;
        private final ProgressBar bar;
        private final long perScenarioMillis;
        private final int scenarios;
        private long doneMillis;

        Progress(TourPlan plan, PrintStream out, boolean interactive) {
            this.out = out;
            this.perScenarioMillis = plan.duration().plus(plan.warmup()).toMillis();
            this.scenarios = plan.scenarios().size();
            this.bar = interactive
                    ? new ProgressBarBuilder().setTaskName("tour").setInitialMax(plan.plannedLoadTime().toMillis())
                        .setStyle(ProgressBarStyle.ASCII).setUnit(" s", 1000).setMaxRenderedLength(100)
                        .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(out)).build()
                    : null;
        }

        @Override
        public void variantStarting(String variant) {
            if (bar != null) {
                bar.setExtraMessage(variant + ": starting");
            } else {
                out.println("  " + variant + ": starting");
            }
        }

        @Override
        public void variantFailed(String variant, String why) {
            doneMillis += perScenarioMillis * scenarios; // its scenarios will not run
            out.println("  " + variant + ": FAILED: " + why.lines().findFirst().orElse(why));
        }

        @Override
        public void scenarioProgress(String variant, TourScenario scenario, LoadProgress.Update update) {
            if (bar != null) {
                long elapsed = Math.min(update.elapsed().toMillis(), perScenarioMillis);
                bar.stepTo(doneMillis + elapsed);
                bar.setExtraMessage(variant + " " + scenario.id() + " " + update.phase().name().toLowerCase());
            }
        }

        @Override
        public void scenarioDone(String variant, TourResult.ScenarioRun run) {
            doneMillis += perScenarioMillis;
            if (bar != null) {
                bar.stepTo(doneMillis);
            } else {
                out.printf("  %s %s: %,.0f msgs/s, p99 %,.0f µs, %d error(s)%n", variant, run.scenario().id(),
                        run.report().messagesPerSecond(), run.report().latency().p99(),
                        run.report().errorCount() + run.report().connectFailures());
            }
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }

}
