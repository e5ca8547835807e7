package dev.wirelab.async.completion;

import java.io.IOException;

import dev.wirelab.core.echo.EchoConfig;
import dev.wirelab.core.echo.EchoServer;
import dev.wirelab.core.echo.EchoServerProvider;

/** Registers {@link CompletionEchoServer} with the lab as {@code completion}. */
public final class CompletionEchoServerProvider implements EchoServerProvider {

    @Override
    public String name() {
        return CompletionEchoServer.NAME;
    }

    @Override
    public String model() {
        return "completion-handlers";
    }

    @Override
    public String description() {
        return "NIO.2 AsynchronousSocketChannel with completion handlers: the callback style async/await replaces";
    }

    @Override
    public EchoServer start(EchoConfig config) throws IOException {
        return CompletionEchoServer.start(config);
    }
}
