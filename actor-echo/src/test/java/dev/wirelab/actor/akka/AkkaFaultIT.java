package dev.wirelab.actor.akka;

import dev.wirelab.core.echo.EchoServerProvider;
import dev.wirelab.testkit.EchoServerFaults;

/** The AkkaEchoServerProvider under the fault suite ({@link EchoServerFaults}): slow readers, floods, churn, resets, slowloris, lifecycle, soak. */
class AkkaFaultIT extends EchoServerFaults {
    @Override
    protected EchoServerProvider provider() {
        return new AkkaEchoServerProvider();
    }
}
