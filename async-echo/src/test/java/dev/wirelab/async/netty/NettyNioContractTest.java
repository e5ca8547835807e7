package dev.wirelab.async.netty;

import dev.wirelab.async.netty.leak.NoNettyLeaks;
import dev.wirelab.core.echo.EchoConfig;
import dev.wirelab.core.echo.EchoServerProvider;
import dev.wirelab.testkit.EchoServerContract;
import org.junit.jupiter.api.extension.ExtendWith;

/** Netty on the NIO transport (the JDK selector, available everywhere) passes the whole echo contract, without leaking a buffer. */
@ExtendWith(NoNettyLeaks.class)
class NettyNioContractTest extends EchoServerContract {
    @Override
    protected EchoServerProvider provider() {
        return new NettyEchoServerProvider();
    }

    @Override
    protected EchoConfig baseConfig() {
        return super.baseConfig().withOption(NettyEchoServer.TRANSPORT_OPTION, Transport.NIO.optionValue());
    }
}
