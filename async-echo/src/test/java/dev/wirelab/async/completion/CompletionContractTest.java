package dev.wirelab.async.completion;

import dev.wirelab.core.echo.EchoServerProvider;
import dev.wirelab.testkit.EchoServerContract;

/** NIO.2 completion handlers pass the whole echo contract. */
class CompletionContractTest extends EchoServerContract {
    @Override
    protected EchoServerProvider provider() {
        return new CompletionEchoServerProvider();
    }
}
