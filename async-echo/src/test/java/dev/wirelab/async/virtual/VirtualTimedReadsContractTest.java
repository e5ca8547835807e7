package dev.wirelab.async.virtual;

import dev.wirelab.core.echo.EchoConfig;
import dev.wirelab.core.echo.EchoServerProvider;
import dev.wirelab.testkit.EchoServerContract;

/** With the idle timeout as a timed read per message (idle=timer), the same server passes the same contract. */
class VirtualTimedReadsContractTest extends EchoServerContract {
    @Override
    protected EchoServerProvider provider() {
        return new VirtualThreadEchoServerProvider();
    }

    @Override
    protected EchoConfig baseConfig() {
        return super.baseConfig().withOption("idle", "timer");
    }
}
