package dev.wirelab.actor.akka;

import dev.wirelab.core.echo.EchoConfig;
import dev.wirelab.core.echo.EchoServerProvider;
import dev.wirelab.testkit.EchoServerContract;

/**
 * With push-mode reads (read=push: no ResumeReading per echo) the actor server passes the same
 * contract, the slow-reader bound included.
 */
class AkkaPushContractTest extends EchoServerContract {
    @Override
    protected EchoServerProvider provider() {
        return new AkkaEchoServerProvider();
    }

    @Override
    protected EchoConfig baseConfig() {
        return super.baseConfig().withOption(ActorTraffic.READ_OPTION, "push");
    }
}
