package dev.wirelab.async.netty;

import dev.wirelab.async.netty.leak.NoNettyLeaks;
import dev.wirelab.core.echo.EchoConfig;
import dev.wirelab.core.echo.EchoServerProvider;
import dev.wirelab.testkit.EchoServerFaults;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Netty server under the fault suite, with the PARANOID buffer-leak check after every test. */
@ExtendWith(NoNettyLeaks.class)
class NettyFaultIT extends EchoServerFaults {
    @Override
    protected EchoServerProvider provider() {
        return new NettyEchoServerProvider();
    }

    /**
     * epoll, not the default io_uring: with io_uring this kernel kept accepting past a lowered
     * fd limit (the file-handle test could not starve it), so the faults run on epoll.
     */
    @Override
    protected EchoConfig baseConfig() {
        return super.baseConfig().withOption(NettyEchoServer.TRANSPORT_OPTION, Transport.EPOLL.optionValue());
    }
}
