package dev.wirelab.async.virtual;

import dev.wirelab.core.echo.EchoServerProvider;
import dev.wirelab.testkit.EchoServerContract;

/** One virtual thread per connection passes the whole echo contract. */
class VirtualContractTest extends EchoServerContract {
    @Override
    protected EchoServerProvider provider() {
        return new VirtualThreadEchoServerProvider();
    }
}
