package dev.wirelab.actor.akka;

import dev.wirelab.core.echo.EchoServerProvider;
import dev.wirelab.testkit.EchoServerContract;

/** The actor server passes the whole echo contract. */
class AkkaContractTest extends EchoServerContract {
    @Override
    protected EchoServerProvider provider() {
        return new AkkaEchoServerProvider();
    }
}
