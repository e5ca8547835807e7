package dev.wirelab.async.netty;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.wirelab.core.echo.Capability;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;

/**
 * The three ways Netty can talk to the kernel, and the rule that picks one.
 *
 * <p>In Netty 4.2 an event loop is a thread plus an {@link io.netty.channel.IoHandler}: the
 * part that waits for readiness (or completions) and performs the I/O. Swapping the handler
 * factory swaps the system calls underneath while every {@code ChannelHandler} above stays the
 * same — the same idea as tokio sitting on mio, which sits on epoll / kqueue / IOCP.
 *
 * <pre>
 *   transport   waits with                  works on                 native library
 *   ---------   -------------------------   ----------------------   --------------
 *   NIO         java.nio.channels.Selector  every JDK platform       none
 *   EPOLL       epoll_wait, edge-triggered  Linux                    netty-transport-native-epoll
 *   IO_URING    io_uring completion queue   Linux 5.14+ (Netty's     netty-transport-native-io_uring
 *                                           stated minimum)
 * </pre>
 *
 * <p>{@code auto} prefers io_uring, then epoll, then NIO: io_uring submits reads and writes as
 * batched requests and reaps completions without one system call per operation; epoll avoids
 * the JDK selector's extra bookkeeping and is edge-triggered. Which one is fastest <em>here</em>
 * is a measurement, not a promise: on loopback with small messages epoll and io_uring are often
 * close. A native transport can be missing (non-Linux OS, unsupported CPU, a container whose
 * seccomp profile blocks {@code io_uring_setup}, a low {@code memlock} limit); then {@code auto}
 * falls back and {@link #availability()} says why.
 */
public enum Transport {

    NIO("nio") {
        @Override
        public Optional<Throwable> unavailabilityCause() {
            return Optional.empty();
        }

        @Override
        IoHandlerFactory ioHandlerFactory() {
            return NioIoHandler.newFactory();
        }

        @Override
        Class<? extends ServerSocketChannel> serverChannelClass() {
            return NioServerSocketChannel.class;
        }
    },

    EPOLL("epoll") {
        @Override
        public Optional<Throwable> unavailabilityCause() {
            // Epoll's static initializer tries to load the native library once and remembers the outcome.
            return Epoll.isAvailable() ? Optional.empty() : Optional.of(Epoll.unavailabilityCause());
        }

        @Override
        IoHandlerFactory ioHandlerFactory() {
            return EpollIoHandler.newFactory();
        }

        @Override
        Class<? extends ServerSocketChannel> serverChannelClass() {
            return EpollServerSocketChannel.class;
        }
    },

    IO_URING("io_uring") {
        @Override
        public Optional<Throwable> unavailabilityCause() {
            // IoUring probes the kernel by creating a ring; a seccomp filter or memlock limit makes that fail.
            return IoUring.isAvailable() ? Optional.empty() : Optional.of(IoUring.unavailabilityCause());
        }

        @Override
        IoHandlerFactory ioHandlerFactory() {
            return IoUringIoHandler.newFactory();
        }

        @Override
        Class<? extends ServerSocketChannel> serverChannelClass() {
            return IoUringServerSocketChannel.class;
        }
    };

    /** The value of the {@code transport} option that asks for the best available transport. */
    public static final String AUTO = "auto";

    /** Most preferred first: what {@code auto} tries in order. */
    private static final List<Transport> PREFERENCE = List.of(IO_URING, EPOLL, NIO);

    private final String optionValue;

    Transport(String optionValue) {
        this.optionValue = optionValue;
    }

    /** How this transport is spelled in {@code transport=...}. */
    public String optionValue() {
        return optionValue;
    }

    /** Why this transport cannot run in this JVM, or empty when it can. */
    public abstract Optional<Throwable> unavailabilityCause();

    public boolean isAvailable() {
        return unavailabilityCause().isEmpty();
    }

    abstract IoHandlerFactory ioHandlerFactory();

    abstract Class<? extends ServerSocketChannel> serverChannelClass();

    /** The transport {@code auto} picks: the first available in io_uring, epoll, NIO order. NIO is always available. */
    public static Transport best() {
        return PREFERENCE.stream().filter(Transport::isAvailable).findFirst().orElse(NIO);
    }

    /**
     * Resolves a {@code transport} option value.
     *
     * @throws IllegalArgumentException for an unknown name, or for a named transport this machine cannot run
     *                                  (asking for epoll by name and silently getting NIO would falsify a benchmark)
     */
    public static Transport resolve(String option) {
        String wanted = option.trim().toLowerCase(Locale.ROOT);
        if (wanted.equals(AUTO)) {
            return best();
        }
        Transport transport = Arrays.stream(values()).filter(t -> t.optionValue.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown transport '" + option + "'; use one of "
                        + AUTO + ", " + Arrays.stream(values()).map(Transport::optionValue).collect(Collectors.joining(", "))));
        transport.unavailabilityCause().ifPresent(cause -> {
            throw new IllegalArgumentException("transport " + transport.optionValue + " is not available here: " + cause
                    + "; use transport=auto (picks " + best().optionValue + ") or transport=nio", cause);
        });
        return transport;
    }

    /** One line for {@code lab doctor}: what each transport says, and what {@code auto} picks. */
    public static String availability() {
        String each = PREFERENCE.stream()
                .map(t -> t.optionValue + (t.isAvailable() ? " available" : " unavailable (" + oneLine(t.unavailabilityCause().orElseThrow()) + ")"))
                .collect(Collectors.joining(", "));
        return "auto picks " + best().optionValue + "; " + each;
    }

    /**
     * Each transport as a {@link Capability} for {@code lab doctor}, most preferred first: whether
     * it runs here, which one {@code auto} picks, and what a missing one needs.
     */
    public static List<Capability> capabilities() {
        Transport best = best();
        return PREFERENCE.stream().map(t -> {
            String picked = t == best ? "; transport=auto picks it" : "";
            if (t.isAvailable()) {
                return Capability.available(t.optionValue, "available" + picked);
            }
            return Capability.missing(t.optionValue, "unavailable (" + oneLine(t.unavailabilityCause().orElseThrow()) + ")",
                    t.fix());
        }).toList();
    }

    /** What a missing native transport needs; NIO is never missing. */
    private String fix() {
        String common = "needs Linux (x86_64/aarch64/riscv64) and --enable-native-access=ALL-UNNAMED (./lab passes it)";
        return switch (this) {
            case NIO -> "";
            case EPOLL -> "epoll " + common;
            case IO_URING -> "io_uring " + common + ", kernel 5.14+ and a container that allows io_uring_setup";
        };
    }

    private static String oneLine(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
