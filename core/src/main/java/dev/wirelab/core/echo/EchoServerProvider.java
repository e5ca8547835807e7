package dev.wirelab.core.echo;

import java.io.IOException;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

import dev.wirelab.core.protocol.Protocol;

/**
 * A server variant the lab can start. Each module registers its providers in
 * {@code META-INF/services/dev.wirelab.core.echo.EchoServerProvider}; the lab finds them
 * with {@link ServiceLoader}, so adding a variant needs no change anywhere else.
 */
public interface EchoServerProvider {

    /** Short, lowercase, says the model; the same in the CLI, reports and notebooks: {@code nio}, {@code netty}. */
    String name();

    /** The concurrency model: {@code thread-per-connection}, {@code selector}, {@code event-loop}, {@code virtual-threads}, {@code actor}. */
    String model();

    /** One sentence for {@code lab variants}. */
    String description();

    /**
     * The protocols this variant can serve ({@link EchoConfig#protocol()}): every server model
     * speaks them all, because the protocol is a {@link dev.wirelab.core.protocol.Session} the
     * model merely drives; a production twin built on a library's own codec speaks only that one.
     */
    default Set<Protocol> protocols() {
        return EnumSet.allOf(Protocol.class);
    }

    /** Binds and starts serving; returns once the server is listening. */
    EchoServer start(EchoConfig config) throws IOException;

    /**
     * What this variant can use on this machine beyond plain sockets (Netty: its native
     * transports), for {@code lab doctor}. Most variants need nothing more: the default is none.
     */
    default List<Capability> capabilities() {
        return List.of();
    }

    /**
     * The JVM system properties a server with these options needs, as {@code name → value}: the
     * options that the JDK reads once at start-up rather than the server at {@code start} (the
     * virtual-thread poller and scheduler, say). Whoever starts a JVM for this server (the tour)
     * passes each as {@code -Dname=value}. None by default.
     */
    default Map<String, String> jvmProperties(Map<String, String> options) {
        return Map.of();
    }

    /** Every provider on the class path, sorted by name. */
    static List<EchoServerProvider> all() {
        return ServiceLoader.load(EchoServerProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparing(EchoServerProvider::name))
                .toList();
    }

    /** The provider with this name, if one is on the class path. */
    static Optional<EchoServerProvider> named(String name) {
        return all().stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
