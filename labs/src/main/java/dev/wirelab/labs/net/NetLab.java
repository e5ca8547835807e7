package dev.wirelab.labs.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds, inspects and removes the lab's hosts: {@code lab net up}, {@code status}, {@code down}.
 *
 * <p>Everything goes through {@code ip} and {@code tc}, the commands an engineer would type,
 * and everything lives inside namespaces this class creates, so {@link #down} only has to
 * delete those namespaces: with a namespace go its interfaces, the veth ends inside it (and
 * so their peers), the bridge and every qdisc. The machine's own namespace is never touched.
 *
 * <p>{@link #up} is idempotent: when the hosts it would make are already there, made with the
 * same layout (read back from the interface alias, see {@link NetLayout#marker()}), it does
 * nothing; when something else with the same prefix is there, it removes that first.
 */
public final class NetLab {

    private static final Pattern NETNS_LINE = Pattern.compile("^(\\S+)(?: \\(id: \\d+\\))?$");
    private static final Pattern ALIAS = Pattern.compile("alias (.*)$");

    private final Shell shell = new Shell();

    /** Why namespaces cannot be made here, or empty when they can. */
    public static Optional<String> unavailableReason() {
        if (!System.getProperty("os.name", "").toLowerCase().contains("linux")) {
            return Optional.of("network namespaces need Linux");
        }
        if (!Shell.isRoot()) {
            return Optional.of("lab net needs root: network namespaces, veth pairs and qdiscs are the kernel's to give; run it with sudo");
        }
        if (!new Shell().run("ip", "-V").ok()) {
            return Optional.of("lab net needs the 'ip' command (iproute2): apt-get install iproute2");
        }
        return Optional.empty();
    }

    /** What {@link #up} did. */
    public enum Outcome { CREATED, ALREADY_UP, REPLACED }

    /** Makes the layout's hosts; on any failure removes what it made and rethrows. */
    public Outcome up(NetLayout layout) {
        List<String> existing = namespaces(layout.prefix());
        if (!existing.isEmpty() && matches(layout, existing)) {
            return Outcome.ALREADY_UP;
        }
        down(layout.prefix());
        try {
            create(layout);
        } catch (RuntimeException e) {
            down(layout.prefix());
            throw e;
        }
        return existing.isEmpty() ? Outcome.CREATED : Outcome.REPLACED;
    }

    private void create(NetLayout layout) {
        // 1. One namespace per host (and one for the switch): each a network stack of its own.
        for (String ns : layout.namespaces()) {
            shell.must("ip", "netns", "add", ns);
            shell.must("ip", "-n", ns, "link", "set", "lo", "up");
        }
        // 2. The cables. Each veth pair is created inside a namespace of ours with its peer
        //    born directly in the other one, so no interface ever appears in the root namespace.
        if (layout.switchNamespace().isEmpty()) {
            shell.must("ip", "-n", layout.host(1), "link", "add", NetLayout.HOST_INTERFACE, "type", "veth",
                    "peer", "name", NetLayout.HOST_INTERFACE, "netns", layout.host(2));
        } else {
            String sw = layout.switchNamespace().get();
            shell.must("ip", "-n", sw, "link", "add", NetLayout.BRIDGE, "type", "bridge");
            shell.must("ip", "-n", sw, "link", "set", NetLayout.BRIDGE, "up");
            for (int i = 1; i <= layout.hosts(); i++) {
                String port = "p" + i;
                shell.must("ip", "-n", sw, "link", "add", port, "type", "veth",
                        "peer", "name", NetLayout.HOST_INTERFACE, "netns", layout.host(i));
                shell.must("ip", "-n", sw, "link", "set", port, "master", NetLayout.BRIDGE);
                shell.must("ip", "-n", sw, "link", "set", port, "up");
                layout.rate().ifPresent(rate -> limit(sw, port, rate));
            }
        }
        // 3. Addresses, the link up, the rate limit on the host's end, and the marker.
        for (int i = 1; i <= layout.hosts(); i++) {
            String ns = layout.host(i);
            shell.must("ip", "-n", ns, "addr", "add", NetLayout.address(i) + "/24", "dev", NetLayout.HOST_INTERFACE);
            shell.must("ip", "-n", ns, "link", "set", NetLayout.HOST_INTERFACE, "alias", layout.marker());
            shell.must("ip", "-n", ns, "link", "set", NetLayout.HOST_INTERFACE, "up");
            layout.rate().ifPresent(rate -> limit(ns, NetLayout.HOST_INTERFACE, rate));
        }
    }

    /** A token bucket on the interface's way out: together, the two ends limit each direction. */
    private void limit(String ns, String dev, LinkRate rate) {
        List<String> command = new ArrayList<>(List.of("tc", "-n", ns, "qdisc", "replace", "dev", dev, "root"));
        command.addAll(List.of(rate.tbfArgs()));
        shell.must(command.toArray(String[]::new));
    }

    /**
     * Deletes every namespace this prefix could have made (hosts and switch), whatever layout
     * made them. Returns the names deleted.
     */
    public List<String> down(String prefix) {
        List<String> removed = new ArrayList<>();
        for (String ns : namespaces(prefix)) {
            shell.must("ip", "netns", "del", ns);
            removed.add(ns);
        }
        return removed;
    }

    /** The namespaces with this prefix that exist now: hosts in number order, then the switch. */
    public List<String> namespaces(String prefix) {
        Pattern owned = NetLayout.ownedBy(prefix);
        List<String> names = new ArrayList<>();
        for (String line : shell.must("ip", "netns", "list").output().lines().toList()) {
            Matcher m = NETNS_LINE.matcher(line.trim());
            if (m.matches() && owned.matcher(m.group(1)).matches()) {
                names.add(m.group(1));
            }
        }
        // h1, h2, ..., h10, then the switch: the order a person reads them in
        names.sort(java.util.Comparator.comparingInt((String n) -> n.endsWith("sw") ? Integer.MAX_VALUE
                : Integer.parseInt(n.substring(prefix.length() + 1))));
        return names;
    }

    private boolean matches(NetLayout layout, List<String> existing) {
        if (!new java.util.HashSet<>(existing).equals(new java.util.HashSet<>(layout.namespaces()))) {
            return false;
        }
        for (String ns : layout.hostNamespaces()) {
            if (!alias(ns).equals(Optional.of(layout.marker()))) {
                return false;
            }
        }
        return true;
    }

    /** The layout that made the hosts now up with this prefix, read back from the marker; empty when none is up. */
    public Optional<NetLayout> current(String prefix) {
        Optional<String> marker = alias(prefix + "h1");
        Matcher m = Pattern.compile("wirelab hosts=(\\d+) rate=(\\S+)").matcher(marker.orElse(""));
        if (!m.matches()) {
            return Optional.empty();
        }
        Optional<LinkRate> rate = m.group(2).equals("unlimited") ? Optional.empty() : Optional.of(LinkRate.parse(m.group(2)));
        return Optional.of(new NetLayout(prefix, Integer.parseInt(m.group(1)), rate));
    }

    private Optional<String> alias(String ns) {
        Shell.Result r = shell.run("ip", "-n", ns, "-o", "link", "show", NetLayout.HOST_INTERFACE);
        if (!r.ok()) {
            return Optional.empty();
        }
        Matcher m = ALIAS.matcher(r.output().replace('\\', ' ').strip());
        return m.find() ? Optional.of(m.group(1).strip()) : Optional.empty();
    }

    /** One line per namespace: its address, its layout marker and its queueing discipline. */
    public List<String> status(String prefix) {
        List<String> lines = new ArrayList<>();
        for (String ns : namespaces(prefix)) {
            if (ns.endsWith("sw")) {
                lines.add(ns + "  switch: " + shell.run("ip", "-n", ns, "-o", "link", "show", "master", NetLayout.BRIDGE)
                        .output().lines().count() + " ports on " + NetLayout.BRIDGE);
                continue;
            }
            String address = shell.run("ip", "-n", ns, "-o", "-4", "addr", "show", "dev", NetLayout.HOST_INTERFACE).output()
                    .lines().map(l -> l.replaceAll(".*inet (\\S+).*", "$1")).findFirst().orElse("no address");
            String qdisc = shell.run("tc", "-n", ns, "qdisc", "show", "dev", NetLayout.HOST_INTERFACE).output()
                    .lines().findFirst().orElse("no qdisc").replaceAll("\\s+", " ").strip();
            lines.add(ns + "  " + address + "  [" + alias(ns).orElse("not made by lab net") + "]  qdisc: " + qdisc);
        }
        return lines;
    }

    /** Every command run so far (for {@code --verbose} and for a failure's explanation). */
    public List<String> commands() {
        return shell.log();
    }
}
