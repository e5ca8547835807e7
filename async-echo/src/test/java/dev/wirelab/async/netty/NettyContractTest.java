package dev.wirelab.async.netty;

import dev.wirelab.async.netty.leak.NoNettyLeaks;
import dev.wirelab.core.echo.EchoServerProvider;
import dev.wirelab.testkit.EchoServerContract;
import org.junit.jupiter.api.extension.ExtendWith;

/** Netty with {@code transport=auto} passes the whole echo contract, without leaking a buffer. */
@ExtendWith(NoNettyLeaks.class)
class NettyContractTest extends EchoServerContract {
    @Override
    protected EchoServerProvider provider() {
        return new NettyEchoServerProvider();
    }
}
