package dev.wirelab.actor.akka;

import java.io.IOException;

import dev.wirelab.core.echo.EchoConfig;
import dev.wirelab.core.echo.EchoServer;
import dev.wirelab.core.echo.EchoServerProvider;

/**
 * Registers {@link AkkaEchoServer} with the lab as {@code akka} (model {@code actor}).
 *
 * <p>The JVM running it needs {@code --sun-misc-unsafe-memory-access=allow} on JDK 24+: Akka
 * 2.6 and the Scala 2.13 library use {@code sun.misc.Unsafe}'s memory-access methods (see the
 * module README for what happens under {@code deny}).
 */
public final class AkkaEchoServerProvider implements EchoServerProvider {

    static final String NAME = "akka";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String model() {
        return "actor";
    }

    @Override
    public String description() {
        return "Akka Typed actors: a listener actor plus one actor per connection, pull-mode reads and acknowledged writes (options read=pull|push, write=ack|nack)";
    }

    @Override
    public EchoServer start(EchoConfig config) throws IOException {
        return AkkaEchoServer.start(config);
    }
}
