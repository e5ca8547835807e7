package dev.wirelab.async.completion;

import dev.wirelab.core.echo.EchoServerProvider;
import dev.wirelab.testkit.HttpServerContract;

/** NIO.2 completion handlers serves the HTTP routes correctly. */
class CompletionHttpContractTest extends HttpServerContract {
    @Override
    protected EchoServerProvider provider() {
        return new CompletionEchoServerProvider();
    }
}
