package dev.wirelab.async.virtual;

import dev.wirelab.core.echo.EchoServerProvider;
import dev.wirelab.testkit.EchoServerFaults;

/** The VirtualThreadEchoServerProvider under the fault suite ({@link EchoServerFaults}): slow readers, floods, churn, resets, slowloris, lifecycle, soak. */
class VirtualFaultIT extends EchoServerFaults {
    @Override
    protected EchoServerProvider provider() {
        return new VirtualThreadEchoServerProvider();
    }
}
