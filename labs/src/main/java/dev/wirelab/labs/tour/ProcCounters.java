package dev.wirelab.labs.tour;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the Linux kernel counts for one process, read from {@code /proc}: the CPU time the
 * whole process has used, and each of its threads' context switches. These are the server's
 * own books, independent of where the load generator runs, so they explain a message rate
 * instead of only restating it.
 *
 * <pre>
 *   /proc/PID/stat               "PID (comm) S ppid ... utime stime ..."   fields 14 and 15, in clock ticks;
 *                                 they include threads that have already ended
 *   /proc/PID/task/TID/status    "voluntary_ctxt_switches:    N"          the thread gave up the CPU (blocked)
 *                                "nonvoluntary_ctxt_switches: N"          the scheduler took the CPU away
 * </pre>
 *
 * <p>Why per thread: {@code /proc/PID/status} counts only the process's first thread, which in a
 * JVM does nothing but wait for {@code main}. The sum over {@code task/*} is the process's
 * total, except for threads that ended between two readings (see {@link CostMeter}).
 *
 * @param cpuTicks user + system time, in clock ticks ({@code getconf CLK_TCK}, 100 on Linux)
 * @param threads  context switches of every thread alive at the reading, by thread id
 */
public record ProcCounters(long cpuTicks, Map<Long, Switches> threads) {

    /** One thread's context switches so far. */
    public record Switches(long voluntary, long involuntary) {
        public static final Switches NONE = new Switches(0, 0);
    }

    public ProcCounters {
        threads = Map.copyOf(threads);
    }

    /** Reads a live process; empty where there is no {@code /proc} (not Linux) or the process has gone. */
    public static Optional<ProcCounters> read(long pid) {
        Path proc = Path.of("/proc", Long.toString(pid));
        try {
            long ticks = cpuTicks(Files.readString(proc.resolve("stat")));
            Map<Long, Switches> threads = new HashMap<>();
            try (DirectoryStream<Path> tasks = Files.newDirectoryStream(proc.resolve("task"))) {
                for (Path task : tasks) {
                    readThread(task).ifPresent(s -> threads.put(Long.parseLong(task.getFileName().toString()), s));
                }
            }
            return Optional.of(new ProcCounters(ticks, threads));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Switches> readThread(Path task) {
        try {
            return Optional.of(switches(Files.readString(task.resolve("status"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();   // the thread ended while we listed the directory
        }
    }

    /**
     * utime + stime from the text of {@code /proc/PID/stat}. The command name in parentheses
     * may itself hold spaces and parentheses, so fields are counted from the <em>last</em>
     * {@code ')'}: after it come field 3 (state) onwards, so utime is the 12th token, stime the 13th.
     */
    static long cpuTicks(String stat) {
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            throw new IllegalArgumentException("not a /proc/PID/stat line: " + stat);
        }
        String[] fields = stat.substring(close + 1).trim().split("\\s+");
        if (fields.length < 13) {
            throw new IllegalArgumentException("too few fields in /proc/PID/stat: " + fields.length);
        }
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** The two context-switch lines from the text of {@code /proc/PID/task/TID/status}. */
    static Switches switches(String status) {
        long voluntary = -1;
        long involuntary = -1;
        for (String line : status.split("\n")) {
            if (line.startsWith("voluntary_ctxt_switches:")) {
                voluntary = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            } else if (line.startsWith("nonvoluntary_ctxt_switches:")) {
                involuntary = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        if (voluntary < 0 || involuntary < 0) {
            throw new IllegalArgumentException("no context-switch counts in this status text");
        }
        return new Switches(voluntary, involuntary);
    }

    /** The kernel's clock tick ({@code USER_HZ}), asked once of {@code getconf CLK_TCK}; 100 if that fails. */
    static long ticksPerSecond() {
        return TicksHolder.TICKS;
    }

    private static final class TicksHolder {
        static final long TICKS = askGetconf();

        private static long askGetconf() {
            try {
                Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes()).trim();
                return p.waitFor() == 0 ? Long.parseLong(out) : 100;
            } catch (IOException | RuntimeException e) {
                return 100;                 // what every Linux on x86 and arm64 uses
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 100;
            }
        }
    }
}
