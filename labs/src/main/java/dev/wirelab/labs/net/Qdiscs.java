package dev.wirelab.labs.net;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which queueing disciplines this kernel offers, found by trying: each one is added to the
 * loopback interface of a throwaway network namespace ({@code unshare --net}, gone when the
 * command exits, so there is nothing to clean up). No list in /proc says which qdiscs exist,
 * and {@code modprobe -n} knows nothing of kernels without modules (built-in or absent are
 * both invisible to it), so a real attempt is the only answer that holds everywhere.
 *
 * <p>What each one is for here: {@code tbf} and {@code htb} limit a link's rate; {@code netem}
 * adds delay, jitter and loss (a WAN on one machine); {@code fq} paces each flow (BBR likes it,
 * but since Linux 4.13 paces by itself without it).
 */
public final class Qdiscs {

    /** The qdiscs probed, with arguments that make a valid root qdisc of each kind. */
    static final Map<String, List<String>> PROBES = probes();

    private Qdiscs() {
    }

    private static Map<String, List<String>> probes() {
        Map<String, List<String>> p = new LinkedHashMap<>();
        p.put("tbf", List.of("tbf", "rate", "1mbit", "burst", "32kbit", "latency", "10ms"));
        p.put("htb", List.of("htb", "default", "1"));
        p.put("netem", List.of("netem", "delay", "1ms"));
        p.put("fq", List.of("fq"));
        p.put("fq_codel", List.of("fq_codel"));
        return p;
    }

    /**
     * Each probed qdisc and whether the kernel accepted it; empty when no probe could run at
     * all (not Linux, no {@code unshare} or {@code tc}, or namespaces not allowed here).
     */
    public static Optional<Map<String, Boolean>> offered() {
        Shell shell = new Shell();
        List<String> unshare = Shell.isRoot() ? List.of("unshare", "--net") : List.of("unshare", "--user", "--map-root-user", "--net");
        // The probe of the probe: a namespace with a plain root qdisc must work, or every "no" below means nothing.
        if (!run(shell, unshare, List.of("pfifo")).ok()) {
            return Optional.empty();
        }
        Map<String, Boolean> result = new LinkedHashMap<>();
        PROBES.forEach((name, args) -> result.put(name, run(shell, unshare, args).ok()));
        return Optional.of(result);
    }

    private static Shell.Result run(Shell shell, List<String> unshare, List<String> qdisc) {
        List<String> command = new java.util.ArrayList<>(unshare);
        command.addAll(List.of("tc", "qdisc", "add", "dev", "lo", "root"));
        command.addAll(qdisc);
        return shell.run(command.toArray(String[]::new));
    }

    /** Why delay and loss cannot be emulated here, or empty when netem is there. */
    public static Optional<String> netemMissing() {
        return netemMissing(offered());
    }

    /** As {@link #netemMissing()}, from a probe already made. */
    public static Optional<String> netemMissing(Optional<Map<String, Boolean>> offered) {
        if (offered.isEmpty()) {
            return Optional.of("the kernel's qdiscs could not be probed here (needs Linux, tc and unshare), so netem cannot be used");
        }
        return offered.get().getOrDefault("netem", false) ? Optional.empty()
                : Optional.of("this kernel has no netem qdisc (sch_netem), so delay and loss cannot be emulated; "
                        + "rate limits (tbf, htb) still work");
    }
}
