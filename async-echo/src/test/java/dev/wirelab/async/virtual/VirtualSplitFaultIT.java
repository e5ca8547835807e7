package dev.wirelab.async.virtual;

import dev.wirelab.core.echo.EchoServerProvider;
import dev.wirelab.testkit.EchoServerFaults;

/** The VirtualSplitEchoServerProvider under the fault suite ({@link EchoServerFaults}): slow readers, floods, churn, resets, slowloris, lifecycle, soak. */
class VirtualSplitFaultIT extends EchoServerFaults {
    @Override
    protected EchoServerProvider provider() {
        return new VirtualSplitEchoServerProvider();
    }
}
