package dev.wirelab.nio;

import dev.wirelab.core.echo.EchoServerProvider;
import dev.wirelab.testkit.EchoServerContract;

/** The selector reactor passes the whole echo contract. */
class SelectorEchoServerContractTest extends EchoServerContract {
    @Override
    protected EchoServerProvider provider() {
        return new SelectorEchoServerProvider();
    }
}
