package dev.wirelab.async.virtual;

import java.io.IOException;
import java.util.Map;

import dev.wirelab.core.echo.EchoConfig;
import dev.wirelab.core.echo.EchoServer;
import dev.wirelab.core.echo.EchoServerProvider;

/** Registers the split reader/writer variant of {@link VirtualThreadEchoServer} as {@code virtual-split}. */
public final class VirtualSplitEchoServerProvider implements EchoServerProvider {

    @Override
    public String name() {
        return VirtualThreadEchoServer.SPLIT_NAME;
    }

    @Override
    public String model() {
        return "virtual-threads";
    }

    @Override
    public String description() {
        return "a reader and a writer virtual thread per connection, joined by a bounded queue (split tasks)";
    }

    @Override
    public EchoServer start(EchoConfig config) throws IOException {
        return VirtualThreadEchoServer.startSplit(config);
    }

    /** The poller and scheduler options are JVM properties: {@link VirtualSettings}. */
    @Override
    public Map<String, String> jvmProperties(Map<String, String> options) {
        return VirtualSettings.jvmProperties(options);
    }
}
