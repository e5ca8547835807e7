package dev.wirelab.actor;

import dev.wirelab.core.echo.EchoServerProvider;
import dev.wirelab.testkit.EchoServerContract;

/** The actor server passes the whole echo contract. */
class AkkaEchoServerContractTest extends EchoServerContract {
    @Override
    protected EchoServerProvider provider() {
        return new AkkaEchoServerProvider();
    }
}
