package dev.wirelab.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a process holds, read the way an operator would: open file descriptors from
 * {@code /proc/PID/fd}, resident memory from {@code /proc/PID/status}, CPU time from
 * {@code /proc/PID/stat}, plus this JVM's heap (after a GC) and platform-thread count.
 *
 * <p>The fault suite runs the server in the test's own JVM, so "the server's fds" are this
 * process's fds: the suite takes its baseline after a warm-up, with its own clients closed,
 * and compares like with like. Linux only (the suite assumes /proc and says so when absent).
 */
public final class ProcessProbe {

    private static final Path SELF = Path.of("/proc/self");

    private ProcessProbe() {
    }

    /** Whether {@code /proc} is there to read. */
    public static boolean available() {
        return Files.isDirectory(SELF.resolve("fd"));
    }

    /** Open file descriptors of this process. */
    public static int openFds() {
        return openFds(SELF);
    }

    /** Open file descriptors of process {@code pid}. */
    public static int openFds(long pid) {
        return openFds(Path.of("/proc", Long.toString(pid)));
    }

    private static int openFds(Path proc) {
        try (Stream<Path> fds = Files.list(proc.resolve("fd"))) {
            return (int) fds.count() - (proc.equals(SELF) ? 1 : 0); // the listing itself holds one
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Resident set size of this process in bytes ({@code VmRSS}). */
    public static long residentBytes() {
        try {
            for (String line : Files.readAllLines(SELF.resolve("status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
            throw new IllegalStateException("no VmRSS in /proc/self/status");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** User plus system CPU time of process {@code pid}, in clock ticks (usually 1/100 s). */
    public static long cpuTicks(long pid) {
        try {
            String stat = Files.readAllLines(Path.of("/proc", Long.toString(pid), "stat")).get(0);
            // Fields after the command name (which may hold spaces) start after the last ')'.
            List<String> fields = List.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
            return Long.parseLong(fields.get(11)) + Long.parseLong(fields.get(12)); // utime, stime
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Heap in use after two full collections: what is still reachable, not what awaits collection. */
    public static long heapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** Live platform threads of this JVM (virtual threads are not counted, their carriers are). */
    public static int platformThreads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    /** The soft limit on open files of this process, from {@code /proc/self/limits}. */
    public static long openFileLimit() {
        try {
            for (String line : Files.readAllLines(SELF.resolve("limits"))) {
                if (line.startsWith("Max open files")) {
                    String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
                    return soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
                }
            }
            throw new IllegalStateException("no 'Max open files' in /proc/self/limits");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The largest buffer Linux may auto-tune a socket to, read from {@code net.ipv4.tcp_rmem}/{@code tcp_wmem}. */
    public static long maxAutoTunedBuffer(String sysctl) {
        try {
            // readAllLines, not readString: /proc files report size 0, and a size-trusting read comes back short.
            String[] values = Files.readAllLines(Path.of("/proc/sys/net/ipv4", sysctl)).get(0).trim().split("\\s+");
            return Long.parseLong(values[2]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
