package dev.wirelab.actor.akka;

import dev.wirelab.core.echo.EchoServerProvider;
import dev.wirelab.testkit.HttpServerContract;

/** One actor per connection serves the HTTP routes correctly. */
class AkkaHttpContractTest extends HttpServerContract {
    @Override
    protected EchoServerProvider provider() {
        return new AkkaEchoServerProvider();
    }
}
