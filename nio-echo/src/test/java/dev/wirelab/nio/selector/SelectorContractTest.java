package dev.wirelab.nio.selector;

import dev.wirelab.core.echo.EchoServerProvider;
import dev.wirelab.testkit.EchoServerContract;

/** The selector reactor passes the whole echo contract. */
class SelectorContractTest extends EchoServerContract {
    @Override
    protected EchoServerProvider provider() {
        return new SelectorEchoServerProvider();
    }
}
