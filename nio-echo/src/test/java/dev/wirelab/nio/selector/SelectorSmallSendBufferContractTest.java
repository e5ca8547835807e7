package dev.wirelab.nio.selector;

import dev.wirelab.core.echo.EchoConfig;
import dev.wirelab.core.echo.EchoServerProvider;
import dev.wirelab.testkit.EchoServerContract;

/**
 * The selector reactor passes the whole echo contract again with a {@value EchoServerContract#SMALL_SEND_BUFFER}-byte
 * send buffer on every accepted socket (8 KiB in the kernel): its writes come back short all the time, so
 * every rule runs through short writes, leftovers kept and OP_WRITE.
 */
class SelectorSmallSendBufferContractTest extends EchoServerContract {
    @Override
    protected EchoServerProvider provider() {
        return new SelectorEchoServerProvider();
    }

    @Override
    protected EchoConfig baseConfig() {
        return super.baseConfig().withSendBufferSize(SMALL_SEND_BUFFER);
    }
}
