package dev.wirelab.nio.blocking;

import dev.wirelab.core.echo.EchoConfig;
import dev.wirelab.core.echo.EchoServerProvider;
import dev.wirelab.testkit.EchoServerContract;

/**
 * The thread per connection passes the whole echo contract again with a {@value EchoServerContract#SMALL_SEND_BUFFER}-byte
 * send buffer on every accepted socket (8 KiB in the kernel): its writes come back short all the time, so
 * every rule runs through a blocking write() that the kernel fills in pieces.
 */
class BlockingSmallSendBufferContractTest extends EchoServerContract {
    @Override
    protected EchoServerProvider provider() {
        return new BlockingEchoServerProvider();
    }

    @Override
    protected EchoConfig baseConfig() {
        return super.baseConfig().withSendBufferSize(SMALL_SEND_BUFFER);
    }
}
