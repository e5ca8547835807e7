package dev.wirelab.nio.selector;

import java.io.IOException;

import dev.wirelab.core.echo.EchoConfig;
import dev.wirelab.core.echo.EchoServer;
import dev.wirelab.core.echo.EchoServerProvider;

/** Registers {@link SelectorEchoServer} with the lab as {@code nio} (model {@code selector}). */
public final class SelectorEchoServerProvider implements EchoServerProvider {

    static final String NAME = "nio";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String model() {
        return "selector";
    }

    @Override
    public String description() {
        return "java.nio Selector reactor: an acceptor plus one event loop per core, non-blocking sockets (the mio analog)";
    }

    @Override
    public EchoServer start(EchoConfig config) throws IOException {
        return SelectorEchoServer.start(config);
    }
}
