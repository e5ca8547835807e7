package dev.wirelab.async.netty;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

import dev.wirelab.testkit.Skip;

/**
 * Skips (never silently) the tests of a transport this machine cannot run, and under
 * {@code CI=true} refuses to skip one the kernel offers. Whether the kernel offers it is
 * decided here without Netty, so a Netty native library that fails to load on a machine that
 * has epoll and io_uring fails CI instead of passing as "skipped".
 */
final class TransportAssumptions {

    /** io_uring_setup(2): the same number on every Linux architecture since the unified syscall table (5.1). */
    private static final long SYS_IO_URING_SETUP = 425;

    /** sizeof(struct io_uring_params) in the kernel's uapi. */
    private static final long IO_URING_PARAMS_BYTES = 120;

    private static final Set<String> NATIVE_ARCHES = Set.of("amd64", "x86_64", "aarch64", "riscv64");

    private TransportAssumptions() {
    }

    /** Aborts the calling test as skipped with the reason, or fails it under CI=true when the kernel offers the transport. */
    static void assumeAvailable(Transport transport) {
        String why = transport.unavailabilityCause()
                .map(cause -> "Netty transport " + transport.optionValue() + " is not available on this machine ("
                        + cause + "); its tests did not run. auto falls back to " + Transport.best().optionValue() + ".")
                .orElse("");
        Skip.unlessRequiredInCi(why.isEmpty(), kernelOffers(transport), why);
    }

    /** Whether this OS and kernel offer the transport, asked without Netty. */
    static boolean kernelOffers(Transport transport) {
        boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")
                && NATIVE_ARCHES.contains(System.getProperty("os.arch", ""));
        return switch (transport) {
            case NIO -> true;
            case EPOLL -> linux;
            case IO_URING -> linux && !ioUringDisabledBySysctl() && ioUringSetupWorks();
        };
    }

    /** {@code /proc/sys/kernel/io_uring_disabled} (kernel 6.6+): 0 allows everyone, 1 and 2 restrict it. */
    private static boolean ioUringDisabledBySysctl() {
        try {
            Path sysctl = Path.of("/proc/sys/kernel/io_uring_disabled");
            return Files.exists(sysctl) && !Files.readString(sysctl).strip().equals("0");
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** Creates a one-entry ring with io_uring_setup(2) and closes it: fails on old kernels and under seccomp filters. */
    private static boolean ioUringSetupWorks() {
        Linker linker = Linker.nativeLinker();
        try (Arena arena = Arena.ofConfined()) {
            MethodHandle syscall = linker.downcallHandle(linker.defaultLookup().find("syscall").orElseThrow(),
                    FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, ADDRESS), Linker.Option.firstVariadicArg(1));
            MethodHandle close = linker.downcallHandle(linker.defaultLookup().find("close").orElseThrow(),
                    FunctionDescriptor.of(JAVA_INT, JAVA_INT));
            MemorySegment params = arena.allocate(IO_URING_PARAMS_BYTES);
            long fd = (long) syscall.invokeExact(SYS_IO_URING_SETUP, 1L, params);
            if (fd < 0) {
                return false;
            }
            int _ = (int) close.invokeExact((int) fd); // the ring existed: that is the answer, whatever close says
            return true;
        } catch (Throwable e) {
            return false;
        }
    }
}
