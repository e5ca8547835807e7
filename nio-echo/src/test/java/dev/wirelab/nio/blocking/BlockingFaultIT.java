package dev.wirelab.nio.blocking;

import dev.wirelab.core.echo.EchoServerProvider;
import dev.wirelab.testkit.EchoServerFaults;

/** The BlockingEchoServerProvider under the fault suite ({@link EchoServerFaults}): slow readers, floods, churn, resets, slowloris, lifecycle, soak. */
class BlockingFaultIT extends EchoServerFaults {
    @Override
    protected EchoServerProvider provider() {
        return new BlockingEchoServerProvider();
    }

    /** Thread per connection: each open connection, slowloris included, holds one platform thread. */
    @Override
    protected int platformThreadsPerConnection() {
        return 1;
    }
}
