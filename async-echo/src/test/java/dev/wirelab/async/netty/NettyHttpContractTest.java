package dev.wirelab.async.netty;

import dev.wirelab.core.echo.EchoServerProvider;
import dev.wirelab.testkit.HttpServerContract;

/** Netty event loops serves the HTTP routes correctly. */
class NettyHttpContractTest extends HttpServerContract {
    @Override
    protected EchoServerProvider provider() {
        return new NettyEchoServerProvider();
    }
}
