package dev.wirelab.async.netty;

import dev.wirelab.async.netty.leak.NoNettyLeaks;
import dev.wirelab.core.echo.EchoConfig;
import dev.wirelab.core.echo.EchoServerProvider;
import dev.wirelab.testkit.EchoServerContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** Netty on the IO_URING transport passes the whole echo contract, without leaking a buffer. */
@ExtendWith(NoNettyLeaks.class)
class NettyIoUringContractTest extends EchoServerContract {
    // Per test, not per class: surefire counts a class-level abort as zero tests, which would hide the skip.
    @BeforeEach
    void transportAvailable() {
        TransportAssumptions.assumeAvailable(Transport.IO_URING);
    }

    @Override
    protected EchoServerProvider provider() {
        return new NettyEchoServerProvider();
    }

    @Override
    protected EchoConfig baseConfig() {
        return super.baseConfig().withOption(NettyEchoServer.TRANSPORT_OPTION, Transport.IO_URING.optionValue());
    }
}
