package dev.wirelab.async.completion;

import dev.wirelab.core.echo.EchoConfig;
import dev.wirelab.core.echo.EchoServerProvider;
import dev.wirelab.testkit.EchoServerContract;

/**
 * The completion-handler server passes the whole echo contract again with a {@value EchoServerContract#SMALL_SEND_BUFFER}-byte
 * send buffer on every accepted socket (8 KiB in the kernel): its writes come back short all the time, so
 * every rule runs through write completions that report fewer bytes than asked, so the rest is written again.
 */
class CompletionSmallSendBufferContractTest extends EchoServerContract {
    @Override
    protected EchoServerProvider provider() {
        return new CompletionEchoServerProvider();
    }

    @Override
    protected EchoConfig baseConfig() {
        return super.baseConfig().withSendBufferSize(SMALL_SEND_BUFFER);
    }
}
