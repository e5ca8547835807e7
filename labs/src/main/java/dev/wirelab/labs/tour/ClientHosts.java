package dev.wirelab.labs.tour;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import dev.wirelab.core.load.LoadReport;
import dev.wirelab.core.load.LoadSpec;
import dev.wirelab.labs.net.NetLayout;

/**
 * Load from several hosts: each client host runs {@code lab load --json} against the server,
 * all of them starting at one agreed instant, and their reports merge into one.
 *
 * <p>The interface is two things that already exist: a way to run a command on a host (
 * {@code ssh HOST} for a real machine, {@code ip netns exec NS} for a namespace on this one)
 * and the JSON report {@code lab load} prints. There is no agent and no protocol of our own.
 * The instant is a wall-clock time ({@code --start-at}, epoch milliseconds) a few seconds
 * ahead, so that every client's JVM has started and connected before the clock runs; over
 * ssh that needs the hosts' clocks in step (NTP keeps them within milliseconds).
 *
 * <p>Merging is exact: counts add up, and the latency histograms add value by value
 * ({@link LoadReport#merge}), so the tour's percentiles are those of every message sent.
 *
 * @param network         for the report: what the bytes cross between client and server
 * @param serverNamespace the namespace to start the server in, if any
 * @param serverAddress   the address the server binds and the clients connect to
 * @param clients         the client hosts, each with the command prefix that runs a command there
 */
public record ClientHosts(String network, Optional<String> serverNamespace, String serverAddress, List<Client> clients) {

    /** How far ahead the common start is set: time for every client JVM to start and connect. */
    static final Duration START_SLACK = Duration.ofSeconds(6);

    public ClientHosts {
        clients = List.copyOf(clients);
        if (clients.isEmpty()) {
            throw new IllegalArgumentException("load from several hosts needs at least one client host");
        }
    }

    /**
     * One client host.
     *
     * @param name   for the report ({@code wl-h2}, {@code loadgen1})
     * @param launch the prefix that runs a command there ({@code ip netns exec wl-h2}, {@code ssh loadgen1})
     * @param lab    how to start the lab there: this JVM's own java and class path in a namespace,
     *               the remote checkout's {@code ./lab} over ssh
     */
    public record Client(String name, List<String> launch, List<String> lab) {
    }

    /** Server in the first namespace of the layout, one client in each of the others. */
    public static ClientHosts namespaces(NetLayout layout, List<String> labHere) {
        List<Client> clients = new ArrayList<>();
        for (int i = 2; i <= layout.hosts(); i++) {
            clients.add(new Client(layout.host(i), List.of("ip", "netns", "exec", layout.host(i)), labHere));
        }
        return new ClientHosts("server in " + layout.host(1) + " (" + NetLayout.address(1) + "), load from "
                + String.join(", ", clients.stream().map(Client::name).toList()) + ": " + layout.describe()
                + "; every byte crosses a veth pair" + (layout.hosts() > 2 ? " and a bridge" : "")
                + " and two network stacks", Optional.of(layout.host(1)), NetLayout.address(1), clients);
    }

    /** Clients reached with ssh, each running the lab from {@code remoteLab} (a checkout's {@code ./lab}). */
    public static ClientHosts ssh(List<String> hosts, String serverAddress, String remoteLab) {
        List<Client> clients = new ArrayList<>();
        for (String host : hosts) {
            if (!host.matches("[A-Za-z0-9._@:\\[\\]-]+")) {
                throw new IllegalArgumentException("client host '" + host + "' is not a host name, user@host or address");
            }
            clients.add(new Client(host, List.of("ssh", "-o", "BatchMode=yes", host), List.of(remoteLab)));
        }
        return new ClientHosts("load from " + String.join(", ", hosts) + " over ssh to " + serverAddress,
                Optional.empty(), serverAddress, clients);
    }

    /** The command that runs this JVM's lab CLI again, with the launcher's flags (for namespaces on this machine). */
    public static List<String> labHere(List<String> jvmFlags) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.wirelab.labs.cli.LabCli"));
        return command;
    }

    /** The full command one client runs: launch prefix, CPU pinning, the lab, and {@code load ... --json --start-at}. */
    static List<String> command(Client client, List<String> pin, LoadSpec spec, long startAtMillis) {
        List<String> command = new ArrayList<>(client.launch());
        command.addAll(pin);
        command.addAll(client.lab());
        command.addAll(List.of("load", spec.targetText(),
                "-c", Integer.toString(spec.connections()),
                "-s", Integer.toString(spec.messageSize()),
                "-p", Integer.toString(spec.pipeline()),
                "-d", spec.duration().toMillis() + "ms",
                "-w", spec.warmup().toMillis() + "ms",
                "--threads", Integer.toString(spec.threads()),
                "--json", "--start-at", Long.toString(startAtMillis)));
        if (spec.rate() > 0) {
            command.addAll(List.of("--rate", Double.toString(spec.rate())));
        }
        return command;
    }

    /**
     * Runs {@code spec} from every client at once and merges their reports. Each client runs
     * the whole spec: N clients put N times its connections on the server.
     *
     * @param pin a prefix that places each client on CPUs ({@code taskset -c 0}), or empty
     */
    public LoadReport run(LoadSpec spec, List<String> pin) throws InterruptedException {
        long startAt = System.currentTimeMillis() + START_SLACK.toMillis();
        List<Process> processes = new ArrayList<>();
        List<Path> outputs = new ArrayList<>();
        try {
            // 1. Start every client; each waits for the common start on its own clock.
            for (Client client : clients) {
                Path out = Files.createTempFile("wirelab-client-", ".json");
                outputs.add(out);
                processes.add(new ProcessBuilder(command(client, pin, spec, startAt))
                        .redirectOutput(out.toFile()).redirectError(Path.of(out + ".err").toFile()).start());
            }
            // 2. Wait for all of them: start slack, warm-up, the run, and room for a slow exit.
            long deadline = System.nanoTime() + START_SLACK.plus(spec.warmup()).plus(spec.duration())
                    .plus(spec.connectTimeout()).plusSeconds(90).toNanos();
            List<LoadReport> reports = new ArrayList<>();
            for (int i = 0; i < clients.size(); i++) {
                reports.add(collect(clients.get(i), processes.get(i), outputs.get(i), deadline));
            }
            // 3. One report, as if one generator had sent every message.
            return LoadReport.merge(reports);
        } catch (IOException e) {
            throw new IllegalStateException("could not start the client hosts: " + e.getMessage(), e);
        } finally {
            processes.forEach(Process::destroyForcibly);
            for (Path out : outputs) {
                deleteQuietly(out);
                deleteQuietly(Path.of(out + ".err"));
            }
        }
    }

    private static LoadReport collect(Client client, Process p, Path out, long deadline) throws InterruptedException, IOException {
        if (!p.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            throw new IllegalStateException("client " + client.name() + " did not finish in time");
        }
        String json = Files.readString(out, StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("{"))
                .reduce((a, b) -> b).orElse("");
        if (json.isEmpty()) {
            String err = Files.readString(Path.of(out + ".err"), StandardCharsets.UTF_8).strip();
            throw new IllegalStateException("client " + client.name() + " printed no report (exit " + p.exitValue() + "): "
                    + err.lines().filter(l -> !l.startsWith("WARNING: Using incubator")).reduce((a, b) -> a + " / " + b).orElse(""));
        }
        return LoadReportJson.parse(json);
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // a temp file left behind is harmless
        }
    }
}
