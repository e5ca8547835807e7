package dev.wirelab.labs.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import dev.wirelab.labs.net.LinkRate;
import dev.wirelab.labs.net.NetLab;
import dev.wirelab.labs.net.NetLayout;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lab net up|down|status}: hosts on one machine, each a network namespace with its
 * own TCP/IP stack, cabled with veth pairs (and a bridge for three or more).
 */
@Command(name = "net", mixinStandardHelpOptions = true,
        description = {"Make hosts on one machine: network namespaces joined by veth pairs, each link optionally rate-limited.",
            "Addresses come from 198.18.0.0/15 (the benchmarking range); the limit is a tbf qdisc. Needs root."},
        subcommands = {NetCommand.Up.class, NetCommand.Down.class, NetCommand.Status.class, NetCommand.Tune.class,
            NetCommand.Sink.class, NetCommand.Blast.class},
        footer = {"", "Examples:",
            "  lab net up                       two hosts, wl-h1 (198.18.0.1) and wl-h2 (198.18.0.2)",
            "  lab net up --hosts 3 --rate 1gbit   three hosts on a bridge, every link 1 Gbit/s each way",
            "  ip netns exec wl-h1 ./lab serve nio --host 198.18.0.1 --port 7007",
            "  lab net down"})
public final class NetCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name an action: lab net up, lab net status or lab net down");
    }

    /** Root, Linux and iproute2, or one line saying which is missing and exit code 2. */
    static Optional<Integer> refuseWhereImpossible(CommandLine.Model.CommandSpec spec) {
        Optional<String> why = NetLab.unavailableReason();
        why.ifPresent(reason -> spec.commandLine().getErr().println("lab net: " + reason));
        return why.map(reason -> CommandLine.ExitCode.USAGE);
    }

    static final class PrefixOption {
        @Option(names = "--prefix", paramLabel = "PREFIX", description = "namespace name prefix (default: ${DEFAULT-VALUE})")
        String prefix = NetLayout.DEFAULT_PREFIX;
    }

    @Command(name = "up", mixinStandardHelpOptions = true, description = "Make the hosts (or leave them if they are already as asked).")
    static final class Up implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--hosts", paramLabel = "N", description = "how many hosts, 2 to 16 (default: ${DEFAULT-VALUE})")
        int hosts = 2;

        @Option(names = "--rate", paramLabel = "RATE", description = "limit every link to RATE each way, e.g. 100mbit, 1gbit (default: no limit)")
        String rate;

        @CommandLine.Mixin
        PrefixOption prefix = new PrefixOption();

        @Override
        public Integer call() {
            NetLayout layout;
            try {
                layout = new NetLayout(prefix.prefix, hosts, Optional.ofNullable(rate).map(LinkRate::parse));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            Optional<Integer> refused = refuseWhereImpossible(spec);
            if (refused.isPresent()) {
                return refused.get();
            }
            NetLab lab = new NetLab();
            NetLab.Outcome outcome = lab.up(layout);
            PrintWriter out = spec.commandLine().getOut();
            out.println(switch (outcome) {
                case CREATED -> "made ";
                case ALREADY_UP -> "already up, nothing changed: ";
                case REPLACED -> "replaced what was there with ";
            } + layout.describe());
            lab.status(layout.prefix()).forEach(line -> out.println("  " + line));
            out.println("run a command on a host: ip netns exec " + layout.host(1) + " COMMAND; remove all: lab net down");
            return 0;
        }
    }

    @Command(name = "down", mixinStandardHelpOptions = true, description = "Remove every namespace lab net made (and with them every veth, bridge and qdisc).")
    static final class Down implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        PrefixOption prefix = new PrefixOption();

        @Override
        public Integer call() {
            Optional<Integer> refused = refuseWhereImpossible(spec);
            if (refused.isPresent()) {
                return refused.get();
            }
            List<String> removed = new NetLab().down(prefix.prefix);
            spec.commandLine().getOut().println(removed.isEmpty() ? "nothing to remove: no namespace named " + prefix.prefix + "h* or "
                    + prefix.prefix + "sw" : "removed " + String.join(", ", removed));
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Show the hosts, their addresses and their rate limits.")
    static final class Status implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        PrefixOption prefix = new PrefixOption();

        @Override
        public Integer call() {
            Optional<Integer> refused = refuseWhereImpossible(spec);
            if (refused.isPresent()) {
                return refused.get();
            }
            List<String> lines = new NetLab().status(prefix.prefix);
            PrintWriter out = spec.commandLine().getOut();
            if (lines.isEmpty()) {
                out.println("down: no namespace named " + prefix.prefix + "h* (lab net up makes them)");
            }
            lines.forEach(out::println);
            return 0;
        }
    }

    @Command(name = "tune", mixinStandardHelpOptions = true,
            description = {"Socket buffers against the bandwidth-delay product, and each congestion-control algorithm,",
                "measured on a rate-limited link between two namespaces of its own (wlx-h1, wlx-h2; removed after)."})
    static final class Tune implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--rate", paramLabel = "RATE", description = "the link's rate (default: ${DEFAULT-VALUE})")
        String rate = "100mbit";

        @Option(names = "--seconds", paramLabel = "S", description = "seconds per case (default: ${DEFAULT-VALUE})")
        double seconds = 3;

        @Override
        public Integer call() throws Exception {
            LinkRate link;
            try {
                link = LinkRate.parse(rate);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            if (!(seconds >= 0.5 && seconds <= 60)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--seconds must be 0.5 to 60, was " + seconds);
            }
            Optional<Integer> refused = refuseWhereImpossible(spec);
            if (refused.isPresent()) {
                return refused.get();
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf("lab net tune: two hosts, one cable limited to %s each way by tbf (queue %d ms); %.1f s per case%n",
                    link.text(), LinkRate.QUEUE_MILLIS, seconds);
            out.flush();
            java.util.Map<String, List<dev.wirelab.labs.net.NetTuning.Result>> results = dev.wirelab.labs.net.NetTuning.run(
                    link, java.time.Duration.ofMillis(Math.round(seconds * 1000)),
                    dev.wirelab.labs.tour.ClientHosts.labHere(dev.wirelab.labs.tour.Tour.serverJvmFlags()));
            results.forEach((link2, rows) -> {
                out.println();
                out.println(link2 + ":");
                out.printf("  %-20s %-6s %10s %8s %10s %12s%n", "case", "cc", "Mbit/s", "of link", "srtt ms", "retransmits");
                for (var r : rows) {
                    out.printf(java.util.Locale.ROOT, "  %-20s %-6s %10.1f %7.0f%% %10.2f %12d%n", r.spec().name(), r.checkedAlgorithm(),
                            r.megabitsPerSecond(), 100 * r.megabitsPerSecond() * 1e6 / link.bitsPerSecond(), r.rttMillis(), r.retransmits());
                }
            });
            double minRtt = results.values().stream().flatMap(List::stream).mapToDouble(r -> r.rttMillis()).min().orElse(0);
            out.println();
            out.printf(java.util.Locale.ROOT, "bandwidth-delay product: %s x %.2f ms (the lowest smoothed RTT seen) = %,d bytes; "
                    + "over a 20 ms WAN it would be %,d bytes%n", link.text(), minRtt, link.bdpBytes(minRtt / 1000), link.bdpBytes(0.020));
            dev.wirelab.labs.net.Qdiscs.netemMissing().ifPresent(why -> out.println("delay/loss cases skipped: " + why));
            out.println("srtt is the kernel's smoothed round-trip time at the end of the case (TCP_INFO): above the idle RTT, "
                    + "it is time spent waiting in the link's queue.");
            return 0;
        }
    }

    @Command(name = "sink", hidden = true, description = "(used by lab net tune) listen once per --rcvbuf, print the ports, discard what arrives")
    static final class Sink implements Callable<Integer> {
        @Option(names = "--host", required = true)
        String host;

        @Option(names = "--rcvbuf", required = true)
        List<Integer> receiveBuffers;

        @Override
        public Integer call() throws Exception {
            dev.wirelab.labs.net.NetTuning.sink(host, receiveBuffers);
            Thread.sleep(java.time.Duration.ofMinutes(30)); // the experiment kills it; this bounds a forgotten one
            return 0;
        }
    }

    @Command(name = "blast", hidden = true, description = "(used by lab net tune) send for --millis per --case HOST:PORT:CC:SNDBUF")
    static final class Blast implements Callable<Integer> {
        @Option(names = "--millis", required = true)
        long millis;

        @Option(names = "--case", required = true)
        List<String> cases;

        @Override
        public Integer call() throws Exception {
            for (String c : cases) {
                String[] f = c.split(":");
                System.out.println(dev.wirelab.labs.net.NetTuning.blast(f[0], Integer.parseInt(f[1]), f[2], Integer.parseInt(f[3]),
                        java.time.Duration.ofMillis(millis)));
                System.out.flush();
            }
            return 0;
        }
    }
}
