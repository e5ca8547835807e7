package dev.wirelab.async.virtual;

import java.io.IOException;
import java.util.Map;

import dev.wirelab.core.echo.EchoConfig;
import dev.wirelab.core.echo.EchoServer;
import dev.wirelab.core.echo.EchoServerProvider;

/** Registers {@link VirtualThreadEchoServer} with the lab as {@code virtual}. */
public final class VirtualThreadEchoServerProvider implements EchoServerProvider {

    @Override
    public String name() {
        return VirtualThreadEchoServer.NAME;
    }

    @Override
    public String model() {
        return "virtual-threads";
    }

    @Override
    public String description() {
        return "one virtual thread per connection, plain blocking read/write (Java's answer to async/await)";
    }

    @Override
    public EchoServer start(EchoConfig config) throws IOException {
        return VirtualThreadEchoServer.start(config);
    }

    /** The poller and scheduler options are JVM properties: {@link VirtualSettings}. */
    @Override
    public Map<String, String> jvmProperties(Map<String, String> options) {
        return VirtualSettings.jvmProperties(options);
    }
}
