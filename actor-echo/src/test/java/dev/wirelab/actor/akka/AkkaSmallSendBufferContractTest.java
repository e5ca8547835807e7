package dev.wirelab.actor.akka;

import dev.wirelab.core.echo.EchoConfig;
import dev.wirelab.core.echo.EchoServerProvider;
import dev.wirelab.testkit.EchoServerContract;

/**
 * The actor server passes the whole echo contract again with a {@value EchoServerContract#SMALL_SEND_BUFFER}-byte
 * send buffer on every accepted socket (8 KiB in the kernel): its writes come back short all the time, so
 * every rule runs through Akka's TCP extension writing a Write in pieces before it acknowledges it.
 */
class AkkaSmallSendBufferContractTest extends EchoServerContract {
    @Override
    protected EchoServerProvider provider() {
        return new AkkaEchoServerProvider();
    }

    @Override
    protected EchoConfig baseConfig() {
        return super.baseConfig().withSendBufferSize(SMALL_SEND_BUFFER);
    }
}
