package dev.wirelab.labs.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The hosts {@code lab net up} makes, decided before anything is made.
 *
 * <pre>
 *   two hosts: one veth pair, a cable between two machines
 *
 *     wl-h1 [eth0 198.18.0.1] ==================== [eth0 198.18.0.2] wl-h2
 *
 *   three or more: every host cabled to a bridge (a switch) in a namespace of its own
 *
 *     wl-h1 [eth0 198.18.0.1] ===== [p1]
 *     wl-h2 [eth0 198.18.0.2] ===== [p2] br0  (wl-sw)
 *     wl-h3 [eth0 198.18.0.3] ===== [p3]
 * </pre>
 *
 * Each namespace is a host with a network stack of its own (interfaces, routes, sockets,
 * TCP settings); a veth pair is a cable whose two ends live in two namespaces. The switch has
 * its own namespace so that nothing is ever added to the machine's own (root) namespace.
 * Addresses come from 198.18.0.0/15, the range RFC 2544 sets aside for benchmarking, so they
 * can never be someone else's.
 *
 * @param prefix namespace name prefix ({@code wl-}); tests use their own so they never meet a user's
 * @param hosts  2 to 16 hosts
 * @param rate   a token-bucket rate limit on both ends of every cable, or none
 */
public record NetLayout(String prefix, int hosts, Optional<LinkRate> rate) {

    public static final String DEFAULT_PREFIX = "wl-";
    public static final int MAX_HOSTS = 16;
    /** The host-side interface in every host namespace. */
    public static final String HOST_INTERFACE = "eth0";
    static final String BRIDGE = "br0";

    public NetLayout {
        if (!prefix.matches("[a-z][a-z0-9-]{0,11}")) {
            throw new IllegalArgumentException("namespace prefix '" + prefix + "' must be 1-12 of a-z, 0-9, '-', starting with a letter");
        }
        if (hosts < 2 || hosts > MAX_HOSTS) {
            throw new IllegalArgumentException("--hosts must be 2 to " + MAX_HOSTS + ", was " + hosts);
        }
    }

    /** The namespace of host {@code i} (1-based): {@code wl-h1}. */
    public String host(int i) {
        return prefix + "h" + i;
    }

    /** The address of host {@code i}: {@code 198.18.0.i}. */
    public static String address(int i) {
        return "198.18.0." + i;
    }

    public List<String> hostNamespaces() {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= hosts; i++) {
            names.add(host(i));
        }
        return names;
    }

    /** The switch's namespace, present only with three or more hosts. */
    public Optional<String> switchNamespace() {
        return hosts > 2 ? Optional.of(prefix + "sw") : Optional.empty();
    }

    /** Every namespace this layout makes. */
    public List<String> namespaces() {
        List<String> all = new ArrayList<>(hostNamespaces());
        switchNamespace().ifPresent(all::add);
        return all;
    }

    /**
     * Written as the alias of every host's {@code eth0}: the kernel keeps the layout's own
     * description, so {@code lab net status} and a second {@code lab net up} read it back
     * and no state file can go stale.
     */
    String marker() {
        return "wirelab hosts=" + hosts + " rate=" + rate.map(LinkRate::text).orElse("unlimited");
    }

    /** Matches every namespace any layout with this prefix could have made. */
    static Pattern ownedBy(String prefix) {
        return Pattern.compile(Pattern.quote(prefix) + "(h\\d{1,2}|sw)");
    }

    public String describe() {
        return hosts + " hosts (" + (hosts == 2 ? "one veth pair" : "a bridge in " + switchNamespace().orElseThrow())
                + ", 198.18.0.1-" + hosts + "/24), " + rate.map(r -> "every link limited to " + r.text() + " each way by tbf")
                .orElse("no rate limit");
    }
}
