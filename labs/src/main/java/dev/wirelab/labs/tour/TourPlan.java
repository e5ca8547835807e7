package dev.wirelab.labs.tour;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a tour will do, decided before anything starts.
 *
 * @param variants     server variants to start, in order (ignored when {@code remote} is set)
 * @param scenarios    loads to put on each
 * @param duration     measured time per scenario
 * @param warmup       unmeasured time before it (JIT, socket buffers, connection set-up)
 * @param ioThreads    server loop/worker threads; 0 = each variant's default (one per core)
 * @param profile      record a JFR file per variant and summarise it
 * @param remote       drive a server that is already running somewhere instead of starting ours
 * @param placement    which CPUs the client and the server run on
 * @param hosts        load from other hosts (namespaces or ssh) instead of this JVM; empty: all on loopback here
 */
public record TourPlan(List<String> variants, List<TourScenario> scenarios, Duration duration, Duration warmup,
                       int ioThreads, boolean profile, Optional<InetSocketAddress> remote, Placement placement,
                       Optional<ClientHosts> hosts) {

    /** A tour on this machine's loopback, the load generator in this JVM. */
    public TourPlan(List<String> variants, List<TourScenario> scenarios, Duration duration, Duration warmup,
                    int ioThreads, boolean profile, Optional<InetSocketAddress> remote, Placement placement) {
        this(variants, scenarios, duration, warmup, ioThreads, profile, remote, placement, Optional.empty());
    }

    /** The default tour: 5 s measured after 2 s warm-up per scenario. */
    public static final Duration DEFAULT_DURATION = Duration.ofSeconds(5);
    public static final Duration DEFAULT_WARMUP = Duration.ofSeconds(2);

    /** {@code --quick}: enough to see every variant work and the ratios take shape, for notebooks and CI. */
    public static final Duration QUICK_DURATION = Duration.ofMillis(1000);
    public static final Duration QUICK_WARMUP = Duration.ofMillis(500);

    public TourPlan {
        variants = List.copyOf(variants);
        scenarios = List.copyOf(scenarios);
        if (scenarios.isEmpty()) {
            throw new IllegalArgumentException("a tour needs at least one scenario");
        }
        if (!Placement.possible(placement)) {
            throw new IllegalArgumentException("placement " + placement.name().toLowerCase()
                    + " needs Linux, taskset, --enable-native-access and (for split) 2+ CPUs; use --placement os");
        }
        if (remote.isEmpty() && variants.isEmpty()) {
            throw new IllegalArgumentException("a tour needs at least one variant (see: lab variants)");
        }
    }

    /**
     * The longest the load can take, for a progress bar: per server the scenarios plus two runs
     * of the same length, the unmeasured warm-up before them and the first scenario's repeat after.
     */
    public Duration plannedLoadTime() {
        long runs = remote.isPresent() ? scenarios.size() : (long) variants.size() * (scenarios.size() + 2);
        return duration.plus(warmup).multipliedBy(runs);
    }
}
