package dev.wirelab.async.netty;

import java.io.IOException;
import java.util.List;

import dev.wirelab.core.echo.Capability;
import dev.wirelab.core.echo.EchoConfig;
import dev.wirelab.core.echo.EchoServer;
import dev.wirelab.core.echo.EchoServerProvider;

/** Registers {@link NettyEchoServer} with the lab as {@code netty}. */
public final class NettyEchoServerProvider implements EchoServerProvider {

    @Override
    public String name() {
        return NettyEchoServer.NAME;
    }

    @Override
    public String model() {
        return "event-loop";
    }

    @Override
    public String description() {
        return "Netty 4.2 event loops (the tokio analog) on NIO, epoll or io_uring (option transport=auto|nio|epoll|io_uring)";
    }

    /** Netty's transports (io_uring, epoll, NIO): which run here and which one {@code auto} picks. */
    @Override
    public List<Capability> capabilities() {
        return Transport.capabilities();
    }

    @Override
    public EchoServer start(EchoConfig config) throws IOException {
        return NettyEchoServer.start(config);
    }
}
