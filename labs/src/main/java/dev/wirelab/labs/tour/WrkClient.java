package dev.wirelab.labs.tour;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code wrk}, the HTTP benchmarking tool network engineers already use, and reads its
 * figures from a Lua {@code done()} hook that prints them as one JSON line (wrk's text
 * output is for people; its Lua API is for programs).
 *
 * <pre>
 *   wrk -t1 -c64 -d5s --latency -s wrk-report.lua   http://127.0.0.1:PORT/plaintext
 *   wrk -t1 -c64 -d5s --latency -s wrk-pipeline.lua http://127.0.0.1:PORT/plaintext -- 16
 * </pre>
 *
 * <p>The second form sends sixteen requests per write, as the TechEmpower plaintext test
 * does: it measures how cheaply a server parses and answers, with the per-write system
 * calls shared by sixteen requests.
 */
public final class WrkClient {

    private static final Pattern JSON_LINE = Pattern.compile("WIRELAB-JSON (\\{.*})");
    private static final Pattern NUMBER = Pattern.compile("\"([a-z0-9_]+)\":([0-9.]+)");

    private final Path wrk;
    private final Path scripts;

    private WrkClient(Path wrk, Path scripts) {
        this.wrk = wrk;
        this.scripts = scripts;
    }

    /** wrk from the PATH, with the lab's two scripts written to a temporary folder; empty when wrk is not installed. */
    public static Optional<WrkClient> find() {
        Optional<Path> wrk = onPath("wrk");
        if (wrk.isEmpty()) {
            return Optional.empty();
        }
        try {
            Path dir = Files.createTempDirectory("wirelab-wrk");
            String report = resource("wrk-report.lua");
            Files.writeString(dir.resolve("report.lua"), report);
            Files.writeString(dir.resolve("pipeline.lua"), resource("wrk-pipeline.lua") + "\n" + report);
            dir.toFile().deleteOnExit();
            dir.resolve("report.lua").toFile().deleteOnExit();
            dir.resolve("pipeline.lua").toFile().deleteOnExit();
            return Optional.of(new WrkClient(wrk.get(), dir));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write wrk's scripts to a temporary folder", e);
        }
    }

    /** The one line a user needs when wrk is missing. */
    public static String installHint() {
        return "wrk is not installed: on Debian/Ubuntu 'sudo apt-get install -y wrk', on macOS 'brew install wrk'";
    }

    public static Optional<Path> onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** What one wrk run measured; latencies in microseconds. */
    public record Figures(long requests, Duration measured, long errors, long badStatus, double p50Micros,
                          double p99Micros, double maxMicros) {
        public double requestsPerSecond() {
            return requests * 1e9 / Math.max(1, measured.toNanos());
        }

        /**
         * Whether wrk's 99th percentile can be believed. wrk 4.1 sometimes answers 0 for it while
         * its median is positive (seen on pipelined runs), which no percentile can be; such a p99
         * is shown as missing, never as 0.
         */
        public boolean p99Known() {
            return p99Micros >= p50Micros;
        }
    }

    /**
     * One run: {@code prefix} (e.g. {@code taskset -c 0}) places wrk; {@code pipeline > 1}
     * uses the pipelining script. Throws when wrk fails or prints no figures.
     */
    public Figures run(List<String> prefix, String url, int connections, Duration duration, int pipeline)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(wrk.toString(), "-t1", "-c" + connections, "-d" + Math.max(1, duration.toSeconds()) + "s",
                "--timeout", "5s", "--latency", "-s", scripts.resolve(pipeline > 1 ? "pipeline.lua" : "report.lua").toString(),
                url));
        if (pipeline > 1) {
            command.addAll(List.of("--", Integer.toString(pipeline)));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> output = readAll(process.getInputStream());
        if (!process.waitFor(duration.toSeconds() + 30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("wrk did not finish: " + String.join(" ", command));
        }
        return parse(output).orElseThrow(() -> new IOException("wrk printed no figures (exit " + process.exitValue() + "):\n  "
                + String.join("\n  ", output)));
    }

    /** The figures from wrk's output, read from the done() hook's JSON line. */
    static Optional<Figures> parse(List<String> output) {
        for (String line : output) {
            Matcher json = JSON_LINE.matcher(line.strip());
            if (json.matches()) {
                java.util.Map<String, Double> n = new java.util.HashMap<>();
                Matcher m = NUMBER.matcher(json.group(1));
                while (m.find()) {
                    n.put(m.group(1), Double.parseDouble(m.group(2)));
                }
                long errors = Math.round(n.get("connect_errors") + n.get("read_errors") + n.get("write_errors") + n.get("timeouts"));
                return Optional.of(new Figures(Math.round(n.get("requests")), Duration.ofNanos(Math.round(n.get("duration_us") * 1000)),
                        errors, Math.round(n.get("bad_status")), n.get("p50_us"), n.get("p99_us"), n.get("max_us")));
            }
        }
        return Optional.empty();
    }

    private static List<String> readAll(InputStream stream) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = WrkClient.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
