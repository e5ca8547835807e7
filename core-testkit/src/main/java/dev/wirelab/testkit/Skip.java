package dev.wirelab.testkit;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * How a wirelab test skips: never silently. A skip prints one line to stderr (where a person
 * running the build sees it) and aborts with the same reason (where the test report keeps
 * it). Under {@code CI=true} a capability the machine does offer is not allowed to be
 * skipped: the test fails instead, so a broken native library or a missing JVM flag cannot
 * hide behind "skipped".
 */
public final class Skip {

    private Skip() {
    }

    /** Whether this run is the project's CI ({@code CI=true}, as {@code .ci/run} is started). */
    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Skips the calling test, loudly, unless {@code condition} holds. */
    public static void unless(boolean condition, String why) {
        if (!condition) {
            String reason = "SKIPPED: " + why;
            System.err.println("*** " + reason);
            Assumptions.abort(reason);
        }
    }

    /**
     * Like {@link #unless}, but under {@code CI=true} a missing capability that the machine
     * offers ({@code offered}) fails the test: CI must run what it can.
     */
    public static void unlessRequiredInCi(boolean condition, boolean offered, String why) {
        if (!condition && offered && inCi()) {
            Assertions.fail("CI=true and this machine offers it, yet: " + why);
        }
        unless(condition, why);
    }
}
