package dev.wirelab.labs.tour;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One echo server variant running in a JVM of its own ({@code lab serve NAME} as a child
 * process), so that what the tour reports about the server — CPU time, memory, garbage —
 * is the server's alone, not mixed with the load generator's.
 *
 * <p>Why a separate process: in one JVM the client and server share a heap, a garbage
 * collector and a JIT; a variant that allocates would make the <em>client</em> slower too,
 * and its CPU time could not be told apart from the client's.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("^listening (\\S+):(\\d+)\\s*$");

    private final String variant;
    private final Process process;
    private final InetSocketAddress address;
    private final List<String> output;

    private ServerProcess(String variant, Process process, InetSocketAddress address, List<String> output) {
        this.variant = variant;
        this.process = process;
        this.address = address;
        this.output = output;
    }

    /**
     * Starts {@code lab serve variant --port 0 extraArgs...} on this JVM's class path and
     * waits (up to {@code startTimeout}) for its {@code listening HOST:PORT} line.
     */
    public static ServerProcess start(String variant, List<String> jvmArgs, List<String> serveArgs,
                                      Duration startTimeout) throws IOException, InterruptedException {
        return start(variant, List.of(), jvmArgs, serveArgs, startTimeout);
    }

    /** As above, with a command prefix such as {@code taskset -c 1} that places the server on chosen CPUs. */
    public static ServerProcess start(String variant, List<String> prefix, List<String> jvmArgs, List<String> serveArgs,
                                     Duration startTimeout) throws IOException, InterruptedException {
        return start(variant, prefix, "127.0.0.1", jvmArgs, serveArgs, startTimeout);
    }

    /** As above, bound to {@code bindHost} (a namespace host's address, say) instead of loopback. */
    public static ServerProcess start(String variant, List<String> prefix, String bindHost, List<String> jvmArgs,
                                     List<String> serveArgs, Duration startTimeout) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(prefix);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("dev.wirelab.labs.cli.LabCli");
        command.add("serve");
        command.add(variant);
        command.addAll(List.of("--host", bindHost, "--port", "0"));
        command.addAll(serveArgs);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();

        // Read the child's output on a daemon thread: the first "listening" line tells the
        // port; everything is kept so that a failure can be shown to the user.
        BlockingQueue<String> lines = new ArrayBlockingQueue<>(1024);
        List<String> output = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread reader = Thread.ofPlatform().daemon().name("serve-" + variant + "-output").start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    output.add(line);
                    lines.offer(line);
                }
            } catch (IOException e) {
                output.add("(output closed: " + e.getMessage() + ")");
            }
        });
        reader.setUncaughtExceptionHandler((t, e) -> output.add("(reader failed: " + e + ")"));

        long deadline = System.nanoTime() + startTimeout.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(50, TimeUnit.MILLISECONDS);
            if (line != null) {
                Matcher m = LISTENING.matcher(line);
                if (m.matches()) {
                    return new ServerProcess(variant, process, new InetSocketAddress(m.group(1), Integer.parseInt(m.group(2))), output);
                }
            } else if (!process.isAlive()) {
                break;
            }
        }
        process.destroyForcibly();
        throw new IOException("server '" + variant + "' did not start within " + startTimeout.toSeconds()
                + " s; its output:\n  " + String.join("\n  ", List.copyOf(output)));
    }

    public String variant() {
        return variant;
    }

    public InetSocketAddress address() {
        return address;
    }

    public long pid() {
        return process.pid();
    }

    /** CPU time (user + system) the server process has used so far. */
    public Duration cpuTime() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** Resident memory now, from /proc (Linux); empty elsewhere. */
    public OptionalLong residentBytes() {
        return procStatusKiB("VmRSS:");
    }

    /** The most resident memory the process ever had ("high-water mark"), from /proc (Linux). */
    public OptionalLong peakResidentBytes() {
        return procStatusKiB("VmHWM:");
    }

    private OptionalLong procStatusKiB(String field) {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        try {
            Optional<String> line = Files.readAllLines(status).stream().filter(l -> l.startsWith(field)).findFirst();
            if (line.isEmpty()) {
                return OptionalLong.empty();
            }
            String[] parts = line.get().trim().split("\\s+");
            return OptionalLong.of(Long.parseLong(parts[1]) * 1024);
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** Everything the server printed so far (its final metrics once it has stopped). */
    public List<String> output() {
        return List.copyOf(output);
    }

    /**
     * Asks the server to stop (SIGTERM: its shutdown hook closes it gracefully) and waits;
     * kills it if it has not gone by the deadline.
     *
     * @return {@code true} if it stopped on its own
     */
    public boolean stop(Duration deadline) throws InterruptedException {
        process.destroy();
        if (process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
            return true;
        }
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        return false;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop(Duration.ofSeconds(10));
        }
    }
}
