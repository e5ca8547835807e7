package dev.wirelab.async.netty;

import dev.wirelab.async.netty.leak.NoNettyLeaks;
import dev.wirelab.core.echo.EchoConfig;
import dev.wirelab.core.echo.EchoServerProvider;
import dev.wirelab.testkit.EchoServerContract;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Netty server on its default transport passes the whole echo contract again with a {@value EchoServerContract#SMALL_SEND_BUFFER}-byte
 * send buffer on every accepted socket (8 KiB in the kernel): its writes come back short all the time, so
 * every rule runs through short writes, the outbound buffer and the writability water marks.
 */
@ExtendWith(NoNettyLeaks.class)
class NettySmallSendBufferContractTest extends EchoServerContract {
    @Override
    protected EchoServerProvider provider() {
        return new NettyEchoServerProvider();
    }

    @Override
    protected EchoConfig baseConfig() {
        return super.baseConfig().withSendBufferSize(SMALL_SEND_BUFFER);
    }
}
