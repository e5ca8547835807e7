package dev.wirelab.core.echo;

import java.util.Objects;

/**
 * Something a server variant can use when this machine offers it: a native transport, a
 * kernel feature. A provider lists its capabilities through
 * {@link EchoServerProvider#capabilities()}, so {@code lab doctor} can report every variant's
 * options without knowing any variant's classes.
 *
 * @param name      short, as the user would ask for it ({@code io_uring})
 * @param available whether this JVM on this machine can use it now
 * @param detail    what was found, in words (why it is missing, or what uses it)
 * @param fix       one line saying how to get it; empty when it is available or nothing can be done
 */
public record Capability(String name, boolean available, String detail, String fix) {

    public Capability {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(fix, "fix");
    }

    public static Capability available(String name, String detail) {
        return new Capability(name, true, detail, "");
    }

    public static Capability missing(String name, String detail, String fix) {
        return new Capability(name, false, detail, fix);
    }
}
