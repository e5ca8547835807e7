package dev.wirelab.labs.net;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the kernel's own tools ({@code ip}, {@code tc}, {@code unshare}) and keeps what they
 * said. The lab builds its networks with the same commands a person would type, so every
 * step can be read, copied and run by hand; {@link #log()} keeps them in order.
 */
final class Shell {

    /** What one command did: its exit code and everything it printed (stdout and stderr together). */
    record Result(List<String> command, int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }

        String line() {
            return String.join(" ", command);
        }
    }

    private static final long TIMEOUT_SECONDS = 20;

    private final List<String> log = new ArrayList<>();

    /** Runs a command and returns what happened; never throws for a non-zero exit. */
    Result run(String... command) {
        log.add(String.join(" ", command));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output;
            try (InputStream in = p.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(List.of(command), -1, "timed out after " + TIMEOUT_SECONDS + " s");
            }
            return new Result(List.of(command), p.exitValue(), output.strip());
        } catch (IOException e) {
            return new Result(List.of(command), -1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(List.of(command), -1, "interrupted");
        }
    }

    /** Runs a command that must succeed; a failure names the command and what it said. */
    Result must(String... command) {
        Result r = run(command);
        if (!r.ok()) {
            throw new IllegalStateException("'" + r.line() + "' failed (exit " + r.exitCode() + "): " + r.output());
        }
        return r;
    }

    /** Every command run so far, in order. */
    List<String> log() {
        return List.copyOf(log);
    }

    /** Whether this process runs as root (effective uid 0), read from /proc/self/status. */
    static boolean isRoot() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.trim().split("\\s+")[2].equals("0");
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or /proc hidden: not a place where namespaces can be made
        }
        return false;
    }
}
