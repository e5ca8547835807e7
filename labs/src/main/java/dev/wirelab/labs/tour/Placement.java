package dev.wirelab.labs.tour;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * Where the tour runs the load generator and the server. The latency of a round trip on a
 * small VM depends on this more than on the server's design: waking a thread on the same
 * vCPU is cheap, on the other vCPU several times dearer. So the tour states the placement,
 * and by default chooses one.
 */
public enum Placement {
    /** Client on CPU 0, server on every other CPU: like two hosts, no competition for a core. */
    SPLIT,
    /** Client and server both on CPU 0: every wake-up is local, and they share one core's time. */
    SAME,
    /** No pinning: the OS places threads as it likes, and may change its mind between runs. */
    OS;

    /** SPLIT where it can be done (Linux, 2+ CPUs, taskset, native access), else OS. */
    public static Placement defaultHere() {
        return possible(SPLIT) ? SPLIT : OS;
    }

    public static boolean possible(Placement p) {
        if (p == OS) {
            return true;
        }
        boolean enoughCpus = p == SAME || Runtime.getRuntime().availableProcessors() >= 2;
        return enoughCpus && CpuAffinity.available() && taskset() != null;
    }

    public static Placement parse(String text) {
        try {
            return valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("no placement '" + text + "'; choose split, same or os");
        }
    }

    /** The CPUs the client (this JVM's load-generator threads) runs on; empty for OS. */
    BitSet clientCpus() {
        BitSet cpus = new BitSet();
        if (this != OS) {
            cpus.set(firstCpu());
        }
        return cpus;
    }

    /** The command prefix that starts the server on its CPUs ({@code taskset -c 1-3}); empty for OS. */
    List<String> serverPrefix() {
        if (this == OS) {
            return List.of();
        }
        BitSet allowed = CpuAffinity.current();
        int client = firstCpu();
        BitSet server = (BitSet) allowed.clone();
        if (this == SPLIT) {
            server.clear(client);
        } else {
            server.clear();
            server.set(client);
        }
        List<String> prefix = new ArrayList<>(List.of(taskset(), "-c"));
        prefix.add(server.stream().mapToObj(Integer::toString).reduce((a, b) -> a + "," + b).orElseThrow());
        return prefix;
    }

    /** The command prefix that starts a load-generator process on the client's CPU ({@code taskset -c 0}); empty for OS. */
    List<String> clientPrefix() {
        return this == OS ? List.of() : List.of(taskset(), "-c", Integer.toString(firstCpu()));
    }

    /** CPUs the server may use: all but the client's for SPLIT, one for SAME, all for OS. */
    int serverCpuCount() {
        return switch (this) {
            case SPLIT -> Math.max(1, CpuAffinity.current().cardinality() - 1);
            case SAME -> 1;
            case OS -> Runtime.getRuntime().availableProcessors();
        };
    }

    /** For reports: "client on CPU 0, server on CPU 1". */
    public String describe() {
        return switch (this) {
            case SPLIT -> "client on CPU " + firstCpu() + ", server on the other CPU(s)";
            case SAME -> "client and server both on CPU " + firstCpu();
            case OS -> "not pinned (the OS places client and server)";
        };
    }

    private static int firstCpu() {
        return CpuAffinity.current().nextSetBit(0);
    }

    private static String taskset() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "taskset");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
