package dev.wirelab.async.virtual;

import dev.wirelab.core.echo.EchoConfig;
import dev.wirelab.core.echo.EchoServerProvider;
import dev.wirelab.testkit.EchoServerContract;

/** Split tasks joined by a two-lock linked queue (queue=linked) pass the same contract, the memory bound included. */
class VirtualSplitLinkedContractTest extends EchoServerContract {
    @Override
    protected EchoServerProvider provider() {
        return new VirtualSplitEchoServerProvider();
    }

    @Override
    protected EchoConfig baseConfig() {
        return super.baseConfig().withOption("queue", "linked");
    }
}
