package dev.wirelab.async.virtual;

import dev.wirelab.core.echo.EchoServerProvider;
import dev.wirelab.testkit.EchoServerContract;

/** A reader and a writer virtual thread per connection, joined by a bounded queue, pass the whole echo contract. */
class VirtualSplitContractTest extends EchoServerContract {
    @Override
    protected EchoServerProvider provider() {
        return new VirtualSplitEchoServerProvider();
    }
}
