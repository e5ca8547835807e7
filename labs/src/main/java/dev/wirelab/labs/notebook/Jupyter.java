package dev.wirelab.labs.notebook;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Jupyter, run as a program: {@code jupyter nbconvert} to execute or render a notebook
 * headless, {@code jupyter notebook} to serve the course.
 *
 * <p>Every command runs with {@code JUPYTER_PATH} led by wirelab's own data directory, so the
 * {@code wirelab} kernelspec there wins over any other of that name and the user's other
 * kernels are never touched.
 */
public final class Jupyter {

    /** The Debian packages that bring everything the notebooks need. */
    public static final String APT_PACKAGES = "jupyter-notebook jupyter-nbconvert python3-nbclient";
    public static final String APT_LINE = "apt-get install -y " + APT_PACKAGES;

    /** How many kernel starts in a row may fail before a notebook counts as failed. */
    public static final int KERNEL_START_ATTEMPTS = 3;

    /** nbconvert's words for a kernel that never came up (as opposed to a cell that failed). */
    private static final Pattern KERNEL_START_FAILURE = Pattern.compile(
            "Kernel died before replying to kernel_info|Kernel didn't respond in");

    private final Path executable;
    private final Path dataDir;

    public Jupyter(Path executable, Path dataDir) {
        this.executable = executable;
        this.dataDir = dataDir;
    }

    /** {@code jupyter} on the {@code PATH}, if there is one. */
    public static Optional<Path> find() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = dir.isEmpty() ? null : Path.of(dir, "jupyter");
            if (candidate != null && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code jupyter nbconvert} (and with it nbclient) answers: what headless runs need. */
    public boolean canExecute() {
        try {
            return run(List.of("nbconvert", "--version"), Duration.ofSeconds(30), null).exitCode() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The result of one Jupyter command: exit code and everything it printed. */
    public record Run(int exitCode, String output, boolean timedOut) {
    }

    /**
     * Executes {@code notebook} headless into {@code outDir} (same file name), retrying when
     * the kernel fails to start. Cell errors do not stop the run ({@code --allow-errors}): the
     * executed notebook shows them, and {@link Notebook#firstError()} finds the first.
     *
     * @param cellTimeout the limit per cell
     * @param log         receives one line per retried kernel start (may be null)
     * @return the executed notebook
     * @throws IOException when the kernel failed to start {@link #KERNEL_START_ATTEMPTS} times in a
     *                     row, or nbconvert failed for another reason (its output is in the message)
     */
    public Path execute(Path notebook, Path outDir, Duration cellTimeout, java.util.function.Consumer<String> log)
            throws IOException {
        Files.createDirectories(outDir);
        Path executed = outDir.resolve(notebook.getFileName());
        List<String> args = List.of("nbconvert", "--to", "notebook", "--execute", "--allow-errors",
                "--ExecutePreprocessor.kernel_name=" + KernelSpec.NAME,
                "--ExecutePreprocessor.timeout=" + cellTimeout.toSeconds(),
                "--ExecutePreprocessor.startup_timeout=" + startupTimeout().toSeconds(),
                "--output-dir", outDir.toString(), "--output", notebook.getFileName().toString(),
                notebook.toString());
        // A whole notebook may take a while; the per-cell limit is what bounds it, this is a backstop.
        Duration whole = cellTimeout.multipliedBy(40).plusMinutes(2);
        String last = "";
        for (int attempt = 1; attempt <= KERNEL_START_ATTEMPTS; attempt++) {
            Files.deleteIfExists(executed);
            Run run = run(args, whole, notebook.getParent());
            if (run.exitCode() == 0 && Files.isRegularFile(executed)) {
                return executed;
            }
            last = run.output();
            if (run.timedOut() || !KERNEL_START_FAILURE.matcher(run.output()).find()) {
                throw new IOException(notebook.getFileName() + ": jupyter nbconvert failed (exit " + run.exitCode()
                        + (run.timedOut() ? ", timed out" : "") + "):\n" + tail(run.output(), 25));
            }
            if (log != null) {
                log.accept(notebook.getFileName() + ": the kernel did not start (attempt " + attempt + " of "
                        + KERNEL_START_ATTEMPTS + "): " + reason(run.output()));
            }
        }
        throw new IOException(notebook.getFileName() + ": the kernel failed to start " + KERNEL_START_ATTEMPTS
                + " times in a row:\n" + tail(last, 25));
    }

    /**
     * How long to wait for the kernel's first answer. A kernel is ready in seconds on an idle
     * machine, but now and then a start hangs (the kernel runs and never answers its first
     * request) and only a retry helps; on a loaded machine a healthy start can take minutes.
     * So the wait grows with the load per core: 45 s per unit of load per core, at least 45 s
     * (a hung start then costs under a minute on a quiet machine), at most 4 minutes.
     */
    static Duration startupTimeout() {
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        int cores = Runtime.getRuntime().availableProcessors();
        double perCore = load < 0 ? Double.MAX_VALUE : load / cores;
        long seconds = Math.round(45 * Math.max(1.0, Math.min(perCore, 240.0 / 45)));
        return Duration.ofSeconds(seconds);
    }

    /** Renders an executed notebook to HTML in {@code outDir}; returns the HTML file. */
    public Path renderHtml(Path executed, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        Run run = run(List.of("nbconvert", "--to", "html", "--output-dir", outDir.toString(), executed.toString()),
                Duration.ofMinutes(2), null);
        if (run.exitCode() != 0) {
            throw new IOException(executed.getFileName() + ": rendering HTML failed:\n" + tail(run.output(), 15));
        }
        return outDir.resolve(executed.getFileName().toString().replaceFirst("\\.ipynb$", ".html"));
    }

    /** A {@code jupyter} process with wirelab's data directory first on {@code JUPYTER_PATH}. */
    public ProcessBuilder process(List<String> args, Path workDir) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (workDir != null) {
            pb.directory(workDir.toFile());
        }
        Map<String, String> env = pb.environment();
        String old = env.get("JUPYTER_PATH");
        env.put("JUPYTER_PATH", dataDir + (old == null || old.isBlank() ? "" : File.pathSeparator + old));
        return pb;
    }

    private Run run(List<String> args, Duration limit, Path workDir) throws IOException {
        Path log = Files.createTempFile("wirelab-jupyter", ".log");
        Process p = null;
        try {
            p = process(args, workDir).redirectOutput(log.toFile()).start();
            boolean done = p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
            if (!done) {
                stop(p);
            }
            return new Run(done ? p.exitValue() : -1, Files.readString(log, StandardCharsets.UTF_8), !done);
        } catch (InterruptedException e) {
            stop(p); // nbconvert and its kernel must not outlive the run that started them
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running jupyter " + args.getFirst(), e);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static void stop(Process p) {
        if (p == null) {
            return;
        }
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** nbconvert's line that says why the kernel did not come up. */
    static String reason(String output) {
        return output.lines().filter(l -> KERNEL_START_FAILURE.matcher(l).find()).reduce((a, b) -> b).orElse("?").strip();
    }

    static String tail(String text, int lines) {
        String[] all = text.strip().split("\n");
        return String.join("\n", java.util.Arrays.copyOfRange(all, Math.max(0, all.length - lines), all.length));
    }
}
