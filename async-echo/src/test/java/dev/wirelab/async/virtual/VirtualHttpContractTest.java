package dev.wirelab.async.virtual;

import dev.wirelab.core.echo.EchoServerProvider;
import dev.wirelab.testkit.HttpServerContract;

/** One virtual thread per connection serves the HTTP routes correctly. */
class VirtualHttpContractTest extends HttpServerContract {
    @Override
    protected EchoServerProvider provider() {
        return new VirtualThreadEchoServerProvider();
    }
}
