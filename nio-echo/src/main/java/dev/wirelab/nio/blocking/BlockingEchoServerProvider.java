package dev.wirelab.nio.blocking;

import java.io.IOException;

import dev.wirelab.core.echo.EchoConfig;
import dev.wirelab.core.echo.EchoServer;
import dev.wirelab.core.echo.EchoServerProvider;

/** Registers {@link BlockingEchoServer} with the lab as {@code blocking}. */
public final class BlockingEchoServerProvider implements EchoServerProvider {

    public static final String NAME = "blocking";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String model() {
        return "thread-per-connection";
    }

    @Override
    public String description() {
        return "Blocking java.net sockets, one platform thread per connection: the baseline every variant is measured against.";
    }

    @Override
    public EchoServer start(EchoConfig config) throws IOException {
        return BlockingEchoServer.start(NAME, config);
    }
}
