package dev.wirelab.labs.net;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Optional;

import org.junit.jupiter.api.Assumptions;

/**
 * The gate for tests that make namespaces: they need root on Linux. Elsewhere they are
 * skipped with the reason; under {@code CI=true} (CI runs as root) a missing capability
 * fails instead, so CI can never pass by skipping them.
 */
public final class NetHosts {

    private NetHosts() {
    }

    public static void assumeNamespaces() {
        Optional<String> why = NetLab.unavailableReason();
        if (why.isPresent() && "true".equals(System.getenv("CI"))) {
            fail("CI=true but namespaces cannot be made: " + why.get());
        }
        Assumptions.assumeTrue(why.isEmpty(), () -> "SKIPPED (namespace test): " + why.orElse(""));
    }

    /** A prefix no user's {@code lab net} uses, unique to this test JVM. */
    public static String testPrefix() {
        return "wlt" + (ProcessHandle.current().pid() % 100_000) + "-";
    }
}
