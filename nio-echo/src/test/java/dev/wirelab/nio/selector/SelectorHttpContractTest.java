package dev.wirelab.nio.selector;

import dev.wirelab.core.echo.EchoServerProvider;
import dev.wirelab.testkit.HttpServerContract;

/** The selector reactor serves the HTTP routes correctly. */
class SelectorHttpContractTest extends HttpServerContract {
    @Override
    protected EchoServerProvider provider() {
        return new SelectorEchoServerProvider();
    }
}
