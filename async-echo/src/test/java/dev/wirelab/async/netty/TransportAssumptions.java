package dev.wirelab.async.netty;

import org.junit.jupiter.api.Assumptions;

/** Skips (never silently) the tests of a transport this machine cannot run. */
final class TransportAssumptions {

    private TransportAssumptions() {
    }

    /** Aborts the calling test or class as skipped, printing the reason to stderr and into the test report. */
    static void assumeAvailable(Transport transport) {
        transport.unavailabilityCause().ifPresent(cause -> {
            String reason = "SKIPPED: Netty transport " + transport.optionValue() + " is not available on this machine ("
                    + cause + "); its tests did not run. auto falls back to " + Transport.best().optionValue() + ".";
            System.err.println("*** " + reason);
            Assumptions.abort(reason);
        });
    }
}
