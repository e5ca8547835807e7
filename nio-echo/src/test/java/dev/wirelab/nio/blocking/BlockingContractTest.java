package dev.wirelab.nio.blocking;

import dev.wirelab.core.echo.EchoServerProvider;
import dev.wirelab.testkit.EchoServerContract;

/** The baseline passes the whole echo contract. */
class BlockingContractTest extends EchoServerContract {
    @Override
    protected EchoServerProvider provider() {
        return new BlockingEchoServerProvider();
    }
}
