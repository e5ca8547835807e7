package dev.wirelab.nio.blocking;

import dev.wirelab.core.echo.EchoServerProvider;
import dev.wirelab.testkit.HttpServerContract;

/** The thread-per-connection baseline serves the HTTP routes correctly. */
class BlockingHttpContractTest extends HttpServerContract {
    @Override
    protected EchoServerProvider provider() {
        return new BlockingEchoServerProvider();
    }
}
