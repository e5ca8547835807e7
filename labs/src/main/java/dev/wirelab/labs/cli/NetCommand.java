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
        subcommands = {NetCommand.Up.class, NetCommand.Down.class, NetCommand.Status.class},
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
}
