package dev.wirelab.async.virtual;

import dev.wirelab.core.echo.EchoServerProvider;
import dev.wirelab.testkit.HttpServerContract;

/** A reader and a writer virtual thread per connection serves the HTTP routes correctly. */
class VirtualSplitHttpContractTest extends HttpServerContract {
    @Override
    protected EchoServerProvider provider() {
        return new VirtualSplitEchoServerProvider();
    }
}
