package dev.wirelab.async.virtual;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The knobs the JDK offers under a virtual-thread server, and the server's own idle-timeout choice.
 *
 * <p>Three of them are not server settings at all but JVM system properties, read once when
 * the JDK first needs them (the poller at the first blocking socket call on a virtual thread,
 * the scheduler at the first virtual thread): so they must be on the command line of the JVM
 * that runs the server. {@link #jvmProperties} says which {@code -D} flags a set of options
 * needs (the tour starts the server's JVM with them); {@link #applyTo} sets any that are still
 * unset in this JVM before the server's first virtual thread, which is enough for
 * {@code lab serve} and for tests, and the server's details say what the JVM really had.
 *
 * <pre>
 *   option        property                                 values   what it changes
 *   pollerMode    jdk.pollerMode                           1 | 2    1: platform threads block in epoll_wait and unpark the readers;
 *                                                                   2 (JDK default on Linux): the pollers are virtual threads
 *                                                                      themselves, woken by one platform "master" poller
 *   readPollers   jdk.readPollers                          2^n      epoll sets the read side is spread over (default: cores)
 *   carriers      jdk.virtualThreadScheduler.parallelism  1..256   platform threads that run virtual threads (default: cores)
 *   queue         (virtual-split's own)                    array | linked
 *                                                                   the reader/writer hand-off: one lock, or one per end
 *   idle          (the server's own)                       reaper | timer
 *                                                                   reaper: one thread checks every connection's read clock
 *                                                                   ({@link IdleReaper}); timer: a timed read per message
 *                                                                   ({@code Socket.setSoTimeout}), one scheduler timer per read
 * </pre>
 *
 * <p>JDK 25 knows poller modes 1 and 2 only ({@code sun.nio.ch.Poller.Mode}); later JDKs add a
 * third (a poller per carrier). The defaults here are the best configuration the tour measured
 * (see the module README): {@link #DEFAULTS}.
 */
public final class VirtualSettings {

    /** Option key → the JVM system property it stands for. */
    public static final Map<String, String> JVM_PROPERTIES = Map.of(
            "pollerMode", "jdk.pollerMode",
            "readPollers", "jdk.readPollers",
            "carriers", "jdk.virtualThreadScheduler.parallelism");

    /** What the server uses when an option is not given: the best measured configuration. */
    public static final Map<String, String> DEFAULTS = Map.of("idle", "reaper");

    private static final Set<String> KEYS = Set.of("pollerMode", "readPollers", "carriers", "idle", "queue");

    private final Map<String, String> options;

    private VirtualSettings(Map<String, String> options) {
        this.options = options;
    }

    /** Validates {@code options} (unknown keys and bad values are an {@link IllegalArgumentException}). */
    public static VirtualSettings of(String server, Map<String, String> given) {
        Set<String> unknown = new TreeSet<>(given.keySet());
        unknown.removeAll(KEYS);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(server + ": unknown option(s) " + unknown + "; known: " + new TreeSet<>(KEYS));
        }
        Map<String, String> options = new LinkedHashMap<>(DEFAULTS);
        options.putAll(given);
        check(server, options, "pollerMode", v -> v.equals("1") || v.equals("2"), "1 or 2 (JDK 25 has no other)");
        check(server, options, "readPollers", v -> isInt(v, 1, 64) && Integer.bitCount(Integer.parseInt(v)) == 1,
                "a power of two, 1..64");
        check(server, options, "carriers", v -> isInt(v, 1, 256), "1..256");
        check(server, options, "idle", v -> v.equals("reaper") || v.equals("timer"), "reaper or timer");
        check(server, options, "queue", v -> v.equals("array") || v.equals("linked"), "array or linked");
        if (options.containsKey("queue") && !server.equals(VirtualThreadEchoServer.SPLIT_NAME)) {
            throw new IllegalArgumentException(server + ": option queue is for " + VirtualThreadEchoServer.SPLIT_NAME + " only");
        }
        return new VirtualSettings(options);
    }

    /** The {@code -Dname=value} settings a JVM needs to run a server with these options (defaults included). */
    public static Map<String, String> jvmProperties(Map<String, String> given) {
        Map<String, String> options = new LinkedHashMap<>(DEFAULTS);
        options.putAll(given);
        Map<String, String> properties = new LinkedHashMap<>();
        options.forEach((key, value) -> {
            if (JVM_PROPERTIES.containsKey(key)) {
                properties.put(JVM_PROPERTIES.get(key), value);
            }
        });
        return properties;
    }

    /**
     * Sets each property this JVM does not have yet. One that is already set (on the command
     * line, or by an earlier server in the same JVM) is left alone: the JDK has read it already.
     */
    void apply() {
        jvmProperties(options).forEach((property, value) -> {
            if (System.getProperty(property) == null) {
                System.setProperty(property, value);
            }
        });
    }

    /** Idle timeout by a timed read per message ({@code setSoTimeout}) rather than by the {@link IdleReaper}. */
    boolean timedReads() {
        return options.get("idle").equals("timer");
    }

    /** What this JVM really runs with: "carriers=1 (JVM-wide ForkJoinPool), pollerMode=1, readPollers=default, idle=reaper". */
    String describe() {
        String carriers = System.getProperty("jdk.virtualThreadScheduler.parallelism",
                Integer.toString(Runtime.getRuntime().availableProcessors()));
        return "carriers=" + carriers + " (JVM-wide ForkJoinPool), pollerMode=" + System.getProperty("jdk.pollerMode", "2 (JDK default)")
                + ", readPollers=" + System.getProperty("jdk.readPollers", "default") + ", idle=" + options.get("idle");
    }

    private interface Rule {
        boolean ok(String value);
    }

    private static void check(String server, Map<String, String> options, String key, Rule rule, String expected) {
        String value = options.get(key);
        if (value != null && !rule.ok(value)) {
            throw new IllegalArgumentException(server + ": option " + key + "=" + value + " must be " + expected);
        }
    }

    private static boolean isInt(String value, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            return n >= min && n <= max;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
