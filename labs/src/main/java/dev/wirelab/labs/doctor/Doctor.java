package dev.wirelab.labs.doctor;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import dev.wirelab.core.echo.Capability;
import dev.wirelab.core.echo.EchoServerProvider;
import dev.wirelab.core.parse.HttpScanners;
import dev.wirelab.simd.SimdSupport;

/**
 * Looks at the machine the lab runs on. Every check is read-only and quick (a few
 * hundred milliseconds at most, spent asking Python whether the notebook packages are importable).
 */
public final class Doctor {

    /** The oldest JDK wirelab is built for. */
    public static final int REQUIRED_JDK = 25;

    public List<Check> run() {
        List<Check> checks = new ArrayList<>();
        checks.add(jdk(Runtime.version().feature()));
        checks.add(cores());
        checks.add(memory());
        checks.add(vectorApi());
        checks.add(httpScanner());
        checks.add(vectorModuleUsers());
        checks.addAll(variantCapabilities());
        checks.addAll(jupyter());
        checks.add(qdiscs());
        checks.add(wrk());
        return checks;
    }

    /** wrk drives {@code lab tour --protocol http}; without it the tour falls back to the lab's own HTTP load. */
    static Check wrk() {
        return onPath("wrk").map(path -> Check.ok("wrk", path + " (lab tour --protocol http)"))
                .orElseGet(() -> Check.optional("wrk", "not found on PATH; lab tour --protocol http falls back to the lab's own HTTP load",
                        "apt-get install wrk (Debian/Ubuntu) or brew install wrk (macOS)"));
    }

    public static Check jdk(int feature) {
        String detail = "Java " + Runtime.version() + " (" + System.getProperty("java.vm.vendor") + ")";
        if (feature >= REQUIRED_JDK) {
            return Check.ok("JDK", detail);
        }
        return Check.required("JDK", detail + ", but wirelab needs " + REQUIRED_JDK + "+",
                "install a JDK " + REQUIRED_JDK + " (e.g. Temurin) and point JAVA_HOME at it");
    }

    static Check cores() {
        int n = Runtime.getRuntime().availableProcessors();
        String detail = n + " available to the JVM";
        if (n < 2) {
            return Check.optional("Cores", detail + "; client and server will share one core",
                    "give the machine 2+ cores for meaningful load tests");
        }
        return Check.ok("Cores", detail + (n == 2 ? " (load client and server share them: read ratios, not absolutes)" : ""));
    }

    static Check memory() {
        long heapMax = Runtime.getRuntime().maxMemory();
        String physical = physicalMemory().map(b -> ", " + mib(b) + " MiB physical").orElse("");
        return Check.ok("Memory", mib(heapMax) + " MiB max heap" + physical);
    }

    static Check vectorApi() {
        return vectorApi(SimdSupport.selection(), SimdSupport.describe());
    }

    /**
     * The SIMD kernels' own account of the path they chose at start-up (see
     * {@link SimdSupport}): the vector path is OK; the scalar fallback works but is slower,
     * so it is an optional piece missing, with the fix the kernels suggest.
     */
    public static Check vectorApi(SimdSupport.Selection selection, String description) {
        if (selection.path() == SimdSupport.Path.VECTOR) {
            return Check.ok("Vector API", description);
        }
        return Check.optional("Vector API", description + "; the SIMD kernels use their scalar fallbacks",
                selection.fix().isEmpty() ? "nothing to do" : selection.fix());
    }

    /** Which scanner core's HTTP parser searches with ({@link HttpScanners}, found through ServiceLoader), and why. */
    static Check httpScanner() {
        return httpScanner(HttpScanners.selection(), SimdSupport.selection().fix());
    }

    /** The vector scanner is OK; the scalar one works everywhere but is slower: an optional piece missing. */
    public static Check httpScanner(HttpScanners.Selection selection, String fix) {
        if (selection.accelerated()) {
            return Check.ok("HTTP scanner", selection.describe());
        }
        return Check.optional("HTTP scanner", selection.describe(), fix.isEmpty() ? "put the simd module on the class path" : fix);
    }

    /**
     * Which commands run SIMD code and so get {@code jdk.incubator.vector} (with the JVM's
     * incubator warning): the list {@code ./lab} reads from {@code simd-commands}, plus the
     * child JVMs that add the module themselves.
     */
    static Check vectorModuleUsers() {
        return Check.ok("SIMD users", "./lab loads jdk.incubator.vector only for: " + String.join(", ", simdCommands())
                + "; the tour's server JVMs and lab bench's JMH forks add it themselves");
    }

    /** The commands listed in {@code dev/wirelab/labs/simd-commands}, in file order. */
    public static List<String> simdCommands() {
        try (var in = Doctor.class.getResourceAsStream("/dev/wirelab/labs/simd-commands")) {
            if (in == null) {
                return List.of();
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * What each server variant can use here beyond plain sockets, in the variant's own words
     * ({@link EchoServerProvider#capabilities()}): Netty reports its native transports. The
     * lab asks every provider on the class path and knows none of their classes.
     */
    static List<Check> variantCapabilities() {
        return variantCapabilities(EchoServerProvider.all());
    }

    public static List<Check> variantCapabilities(List<EchoServerProvider> providers) {
        List<Check> checks = new ArrayList<>();
        for (EchoServerProvider provider : providers) {
            for (Capability c : provider.capabilities()) {
                String name = provider.name() + " " + c.name();
                checks.add(c.available() ? Check.ok(name, c.detail())
                        : Check.optional(name, c.detail(), c.fix().isEmpty() ? "nothing to do" : c.fix()));
            }
        }
        return checks;
    }

    /** Which qdiscs {@code lab net} can use: tbf/htb for rate limits, netem for delay and loss. */
    static Check qdiscs() {
        var offered = dev.wirelab.labs.net.Qdiscs.offered();
        if (offered.isEmpty()) {
            return Check.optional("Qdiscs", "could not probe (needs Linux, tc and unshare); lab net cannot shape links",
                    "apt-get install iproute2 util-linux, and run as root for lab net");
        }
        String list = offered.get().entrySet().stream().map(e -> e.getKey() + (e.getValue() ? " yes" : " no"))
                .collect(java.util.stream.Collectors.joining(", "));
        return dev.wirelab.labs.net.Qdiscs.netemMissing(offered)
                .map(why -> Check.optional("Qdiscs", list + "; " + why,
                        "a kernel with CONFIG_NET_SCH_NETEM (modprobe sch_netem) for the delay/loss experiment"))
                .orElseGet(() -> Check.ok("Qdiscs", list + " (lab net can limit rate and add delay and loss)"));
    }

    static List<Check> jupyter() {
        // One line installs all three; naming each package that is missing says what each is for.
        String install = dev.wirelab.labs.notebook.Jupyter.APT_LINE
                + " (Debian/Ubuntu; elsewhere: pip install notebook nbconvert nbclient), then ./lab notebook";
        List<Check> checks = new ArrayList<>();
        Optional<Path> jupyter = onPath("jupyter");
        if (jupyter.isEmpty()) {
            checks.add(Check.optional("Jupyter", "not found on PATH (jupyter-notebook); the notebook course cannot run", install));
            return checks;
        }
        checks.add(Check.ok("Jupyter", jupyter.get().toString()));
        String python = pythonBeside(jupyter.get());
        boolean nbconvert = succeeds(List.of(python, "-c", "import nbconvert"));
        boolean nbclient = succeeds(List.of(python, "-c", "import nbclient"));
        boolean notebook = succeeds(List.of(python, "-c", "import notebook"));
        List<String> missing = new ArrayList<>();
        if (!notebook) {
            missing.add("jupyter-notebook (lab notebook serves the course with it)");
        }
        if (!nbconvert) {
            missing.add("jupyter-nbconvert (--check, --render and the build's notebook test)");
        }
        if (!nbclient) {
            missing.add("python3-nbclient (executes notebooks headless)");
        }
        checks.add(missing.isEmpty()
                ? Check.ok("Notebooks", "notebook, nbconvert and nbclient importable (lab notebook, --check and --render work)")
                : Check.optional("Notebooks", "missing: " + String.join(", ", missing), install));
        return checks;
    }

    /** Jupyter's own interpreter: Debian's jupyter runs on /usr/bin/python3, not on a pyenv one earlier on PATH. */
    static String pythonBeside(Path jupyter) {
        try {
            String first = Files.readAllLines(jupyter.toRealPath(), StandardCharsets.UTF_8).stream().findFirst().orElse("");
            if (first.startsWith("#!") && first.contains("python")) {
                return first.substring(2).trim().split("\\s+")[0];
            }
        } catch (IOException | RuntimeException e) {
            // not a script we can read: fall back to python3 on PATH
        }
        return "python3";
    }

    static Optional<Path> onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static boolean succeeds(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static Optional<Long> physicalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Optional.of(os.getTotalMemorySize());
        }
        return Optional.empty();
    }

    private static long mib(long bytes) {
        return bytes / (1024 * 1024);
    }
}
