package dev.wirelab.labs.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The benchmark suites {@code lab bench} knows: each is a package of the {@code bench}
 * module, and says whether allocation figures ({@code -prof gc}) matter for it.
 */
public enum BenchSuite {
    PARSING("parse", true, "zero-copy flyweights and the HTTP parser beside Netty's decoder"),
    METRICS("metrics", false, "AtomicLong vs LongAdder vs synchronized counters; the gauge guard"),
    POOLS("pool", true, "wirelab's pool beside commons-pool2 and Stormpot"),
    SCHED("sched", false, "fixed pool vs ForkJoinPool vs virtual threads on a skewed task set"),
    SIMD("simd", false, "Vector API checksum and scans beside scalar loops and CRC32C"),
    ECHO("echo", true, "loopback round trips per server variant");

    private final String pkg;
    private final boolean gcProfile;
    private final String description;

    BenchSuite(String pkg, boolean gcProfile, String description) {
        this.pkg = pkg;
        this.gcProfile = gcProfile;
        this.description = description;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The JMH include pattern: every benchmark in {@code dev.wirelab.bench.<pkg>}. */
    public String includePattern() {
        return "dev\\.wirelab\\.bench\\." + pkg + "\\..*";
    }

    public boolean gcProfile() {
        return gcProfile;
    }

    public String description() {
        return description;
    }

    /** The suite with this id, or an error that lists the ids there are. */
    public static BenchSuite parse(String id) {
        for (BenchSuite s : values()) {
            if (s.id().equals(id.toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("no benchmark suite '" + id + "'; choose one of: "
                + Arrays.stream(values()).map(BenchSuite::id).collect(Collectors.joining(", ")));
    }
}
