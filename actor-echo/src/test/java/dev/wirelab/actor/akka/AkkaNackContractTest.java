package dev.wirelab.actor.akka;

import dev.wirelab.core.echo.EchoConfig;
import dev.wirelab.core.echo.EchoServerProvider;
import dev.wirelab.testkit.EchoServerContract;

/** With NACK writes (write=nack) the actor server passes the same contract, the slow-reader bound included. */
class AkkaNackContractTest extends EchoServerContract {
    @Override
    protected EchoServerProvider provider() {
        return new AkkaEchoServerProvider();
    }

    @Override
    protected EchoConfig baseConfig() {
        return super.baseConfig().withOption(ActorTraffic.WRITE_OPTION, "nack");
    }
}
