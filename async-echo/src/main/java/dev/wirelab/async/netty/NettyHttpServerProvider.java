package dev.wirelab.async.netty;

import java.io.IOException;
import java.util.Set;

import dev.wirelab.core.echo.EchoConfig;
import dev.wirelab.core.echo.EchoServer;
import dev.wirelab.core.echo.EchoServerProvider;
import dev.wirelab.core.protocol.Protocol;

/** Registers the production twin as {@code netty-http}: Netty's HttpServerCodec serving core's routes. */
public final class NettyHttpServerProvider implements EchoServerProvider {

    @Override
    public String name() {
        return NettyEchoServer.HTTP_TWIN_NAME;
    }

    @Override
    public String model() {
        return "event-loop";
    }

    @Override
    public String description() {
        return "the HTTP production twin: Netty's HttpServerCodec + HttpObjectAggregator serving the same routes (http only)";
    }

    @Override
    public Set<Protocol> protocols() {
        return Set.of(Protocol.HTTP);
    }

    @Override
    public EchoServer start(EchoConfig config) throws IOException {
        return NettyEchoServer.startHttpTwin(config);
    }
}
