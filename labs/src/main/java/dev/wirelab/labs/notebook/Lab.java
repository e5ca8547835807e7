package dev.wirelab.labs.notebook;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

import dev.wirelab.core.echo.EchoConfig;
import dev.wirelab.core.echo.EchoServer;
import dev.wirelab.core.echo.EchoServerProvider;
import dev.wirelab.core.load.LoadGenerator;
import dev.wirelab.core.load.LoadReport;
import dev.wirelab.core.load.LoadSpec;
import dev.wirelab.core.trace.MessageTrace;
import dev.wirelab.labs.bench.BenchRow;
import dev.wirelab.labs.bench.BenchRunner;
import dev.wirelab.labs.bench.BenchSuite;
import dev.wirelab.labs.bench.RatioTable;
import dev.wirelab.labs.quiz.Quiz;
import dev.wirelab.labs.quiz.QuizBank;
import dev.wirelab.labs.quiz.Verdict;
import dev.wirelab.labs.report.Charts;
import dev.wirelab.labs.report.TextTable;

/**
 * The one class a notebook cell talks to: start a server variant, drive it with the load
 * generator, time a piece of code, run a quick JMH suite, show a table or a chart, draw a
 * diagram, grade a quiz answer.
 *
 * <p>Everything here works in any Java kernel (rapaio, IJava, JJava) and in JShell: text is
 * printed, and pictures are returned as {@link BufferedImage}, which these kernels display as
 * {@code image/png} when it is a cell's last expression. No kernel-specific API is used.
 *
 * <p>The facade never hides the subject: a notebook calls the module's own classes for the
 * idea of the chapter (a parser, a pool, a queue) and this class only for the chores around
 * it (servers, timing, drawing, grading).
 */
public final class Lab {

    private Lab() {
    }

    // ------------------------------------------------------------------ the machine

    /** What {@code lab doctor} says about this machine: JDK, cores, memory, Vector API, Netty transport, Jupyter. */
    public static void machine() {
        TextTable table = new TextTable("check", "status", "detail");
        new dev.wirelab.labs.doctor.Doctor().run().forEach(c -> table.row(c.name(), c.status().mark(), c.detail()));
        System.out.print(table.toTerminal());
    }

    // ------------------------------------------------------------------ servers

    /** Every server variant on the class path, as {@code lab variants} shows them. */
    public static void variants() {
        TextTable table = new TextTable("variant", "model", "what it is");
        providers().forEach(p -> table.row(p.name(), p.model(), p.description()));
        System.out.print(table.toTerminal());
    }

    /**
     * Starts variant {@code name} on an ephemeral loopback port.
     *
     * @param options {@code key=value} server options ({@code transport=epoll} for Netty)
     */
    public static Server start(String name, String... options) {
        EchoServerProvider provider = providers().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no variant '" + name + "'; there are: "
                        + providers().stream().map(EchoServerProvider::name).collect(Collectors.joining(", "))));
        EchoConfig config = EchoConfig.defaults().withPort(0);
        for (String option : options) {
            int eq = option.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("a server option is key=value, got '" + option + "'");
            }
            config = config.withOption(option.substring(0, eq), option.substring(eq + 1));
        }
        EchoConfig chosen = config;
        EchoServer server = withOurClassLoader(() -> provider.start(chosen));
        prime(server);
        System.out.println(name + " listening on " + server.localAddress().getAddress().getHostAddress() + ":"
                + server.localAddress().getPort() + (server.details().isEmpty() ? "" : " (" + server.details() + ")"));
        return new Server(server);
    }

    /**
     * One round trip before anyone measures: the first connection to a fresh server loads the
     * classes of its whole stack (Netty's pipeline, Akka's TCP actors), which takes longer than
     * a short load's warm-up on a busy machine. Without this, a 1-second load can end before
     * the first echo and report 0 messages.
     */
    private static void prime(EchoServer server) {
        java.net.InetSocketAddress address = server.localAddress();
        byte[] hello = new byte[64];
        try (java.net.Socket socket = new java.net.Socket(address.getAddress(), address.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(hello);
            if (socket.getInputStream().readNBytes(hello.length).length != hello.length) {
                throw new IllegalStateException(server.name() + " closed the first connection before echoing 64 bytes");
            }
        } catch (IOException e) {
            server.close();
            throw new UncheckedIOException(server.name() + " did not echo the first 64 bytes: " + e.getMessage(), e);
        }
    }

    /** A running variant; {@code close()} (or {@code stop()}) shuts it down gracefully. */
    public record Server(EchoServer server) implements AutoCloseable {

        public String name() {
            return server.name();
        }

        public int port() {
            return server.localAddress().getPort();
        }

        /** Where it listens: the target of a {@link LoadSpec}. */
        public java.net.InetSocketAddress address() {
            return server.localAddress();
        }

        /** Stops the server and prints what it counted. */
        public void stop() {
            close();
            System.out.println(server.name() + " stopped; " + server.metrics());
        }

        @Override
        public void close() {
            server.close();
        }
    }

    /** Every provider, found with {@link ServiceLoader} through the class loader that holds the project. */
    static List<EchoServerProvider> providers() {
        List<EchoServerProvider> all = new ArrayList<>();
        ServiceLoader.load(EchoServerProvider.class, Lab.class.getClassLoader()).forEach(all::add);
        all.sort(java.util.Comparator.comparing(EchoServerProvider::name));
        return all;
    }

    /**
     * One client round trip with a plain blocking socket: connect, send {@code text}, read the
     * same number of bytes back, close. Prints what came back; fails if it differs.
     */
    public static void echoOnce(Server server, String text) {
        byte[] sent = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.net.InetSocketAddress address = server.server().localAddress();
        try (java.net.Socket socket = new java.net.Socket(address.getAddress(), address.getPort())) {
            socket.setSoTimeout(10_000);
            MessageTrace.note("client", "tcp", "connect, then " + sent.length + " B");
            socket.getOutputStream().write(sent);
            byte[] back = socket.getInputStream().readNBytes(sent.length);
            MessageTrace.note("tcp", "client", back.length + " B echoed");
            if (!java.util.Arrays.equals(sent, back)) {
                throw new IllegalStateException("the echo differs: sent " + sent.length + " B, got " + back.length + " B");
            }
            System.out.println("sent and got back " + sent.length + " B: "
                    + new String(back, java.nio.charset.StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Records the actor messages of one real echo through the {@code akka} variant and returns
     * them in order ({@link MessageTrace}): start a server, echo {@code text}, wait for the
     * write's ack, stop.
     */
    public static List<MessageTrace.Step> traceAkkaEcho(String text) {
        int size = text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        try (Server server = start("akka")) {
            // start() primed the server with one connection: let it finish, so only ours is recorded.
            awaitQuietly(() -> server.server().metrics().active() == 0);
            MessageTrace trace = MessageTrace.start();
            echoOnce(server, text);
            awaitQuietly(() -> trace.steps().stream().anyMatch(s -> s.message().startsWith("Written(" + size + " B)")));
            List<MessageTrace.Step> steps = trace.stop();
            TextTable table = new TextTable("us", "from", "to", "message");
            long t0 = steps.isEmpty() ? 0 : steps.getFirst().nanos();
            steps.forEach(s -> table.row(String.format(Locale.ROOT, "%.0f", (s.nanos() - t0) / 1e3), s.from(), s.to(), s.message()));
            System.out.print(table.toTerminal());
            return steps;
        }
    }

    /** Polls {@code condition} every 5 ms for up to 5 s. */
    private static void awaitQuietly(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            sleepQuietly(5);
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How the actor server's trace names its participants, and what the diagram calls them. */
    private static final Map<String, String> AKKA_PARTICIPANTS = Map.of(
            "tcp", "Akka TCP\\n(socket actors)", "listener", "Listener", "connection", "ConnectionActor");

    /** The sequence diagram of a recorded trace. */
    public static BufferedImage sequence(List<MessageTrace.Step> steps, String title) {
        return Diagrams.png(MessageTrace.toPlantUml(steps, title, AKKA_PARTICIPANTS));
    }

    // ------------------------------------------------------------------ load

    /**
     * Drives {@code server} with the load generator: {@code connections} connections, messages
     * of {@code size} bytes, one in flight per connection, for {@code seconds} after a short
     * warm-up; every echoed byte is verified. Prints one summary line.
     */
    public static LoadReport load(Server server, int connections, int size, double seconds) {
        LoadSpec spec = LoadSpec.defaults(server.server().localAddress())
                .withConnections(connections).withMessageSize(size)
                .withDuration(Duration.ofMillis((long) (seconds * 1000)))
                .withWarmup(Duration.ofMillis(Math.min(500, (long) (seconds * 500))));
        return load(server.name(), spec);
    }

    /** Runs any load spec (pipeline, open-loop rate, socket options); {@code label} names it in the line printed. */
    public static LoadReport load(String label, LoadSpec spec) {
        LoadReport report = withOurClassLoader(() -> LoadGenerator.run(spec));
        System.out.println(summary(label, report));
        return report;
    }

    /** One line: rate, bandwidth, p50/p99 and errors. */
    static String summary(String label, LoadReport r) {
        return String.format(Locale.ROOT, "%-14s %3d conns x %5d B: %,10.0f msg/s %8.1f MB/s  p50 %7.1f us  p99 %8.1f us  errors %d",
                label, r.spec().connections(), r.spec().messageSize(), r.messagesPerSecond(), r.megabytesPerSecond(),
                r.latency().p50(), r.latency().p99(), r.errorCount());
    }

    // ------------------------------------------------------------------ timing

    /** What {@link #time} measured: nanoseconds per call of the body, and bytes allocated per call (NaN if unknown). */
    public record Timing(String label, double nanosPerOp, long ops, double bytesPerOp) {
        public double opsPerSecond() {
            return 1e9 / nanosPerOp;
        }
    }

    /**
     * Times {@code body} on this thread: 0.2 s of warm-up, then calls it for about 0.5 s and
     * divides. Each result is folded into a sink so the JIT cannot drop the work. A quick
     * figure for a notebook, not a JMH measurement: compare two of them taken one after the
     * other, never one with a figure from elsewhere.
     */
    public static Timing time(String label, Body body) {
        run(body, 200_000_000L);
        long allocatedBefore = allocatedByThisThread();
        long[] measured = run(body, 500_000_000L);
        long allocated = allocatedByThisThread() - allocatedBefore;
        double bytesPerOp = allocatedBefore < 0 ? Double.NaN : Math.max(0, (double) allocated / measured[0]);
        Timing t = new Timing(label, (double) measured[1] / measured[0], measured[0], bytesPerOp);
        System.out.printf(Locale.ROOT, "%-36s %,12.1f ns/op  %,8.1f B/op  (%,d calls)%n", label, t.nanosPerOp(),
                t.bytesPerOp(), t.ops());
        return t;
    }

    /**
     * Runs {@code body} on {@code threads} threads at once for about 0.5 s (after 0.2 s of
     * warm-up) and reports the total calls per second: what contention costs.
     */
    public static Timing timeThreads(String label, int threads, Body body) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        runThreads(body, threads, 200_000_000L);
        long[] measured = runThreads(body, threads, 500_000_000L);
        Timing t = new Timing(label, (double) measured[1] / measured[0], measured[0], Double.NaN);
        System.out.printf(Locale.ROOT, "%-36s %,14.0f calls/s on %d threads%n", label, t.opsPerSecond(), threads);
        return t;
    }

    /** The code {@link #time} measures: returns a number derived from its work (so the JIT must do it). */
    @FunctionalInterface
    public interface Body {
        long run() throws Exception;
    }

    private static long call(Body body) {
        try {
            return body.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException(e.toString(), e);
        }
    }

    private static volatile long sink;

    /** Bytes this thread allocated so far (HotSpot's counter), or -1 where the JVM does not say. */
    private static long allocatedByThisThread() {
        if (java.lang.management.ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
                && threads.isThreadAllocatedMemorySupported()) {
            return threads.getCurrentThreadAllocatedBytes();
        }
        return -1;
    }

    /** {calls, elapsed nanos}: calls the body in batches until {@code budgetNanos} has passed. */
    private static long[] run(Body body, long budgetNanos) {
        long start = System.nanoTime();
        long calls = 0;
        long acc = 0;
        long now;
        do {
            for (int i = 0; i < 256; i++) {
                acc += call(body);
            }
            calls += 256;
            now = System.nanoTime();
        } while (now - start < budgetNanos);
        sink += acc;
        return new long[] {calls, now - start};
    }

    /** {calls, elapsed nanos per call across all threads}: the total rate expressed as ns per call. */
    private static long[] runThreads(Body body, int threads, long budgetNanos) {
        long[] calls = new long[threads];
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int id = t;
            workers.add(Thread.ofPlatform().start(() -> calls[id] = run(body, budgetNanos)[0]));
        }
        for (Thread w : workers) {
            try {
                w.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while timing", e);
            }
        }
        long elapsed = System.nanoTime() - start;
        long total = java.util.Arrays.stream(calls).sum();
        return new long[] {total, elapsed};
    }

    // ------------------------------------------------------------------ profiling

    /**
     * Records {@code work} with JDK Flight Recorder in this JVM (an execution sample every
     * 10 ms, allocation samples), then prints the hottest methods and allocation sites, as
     * {@code lab tour --profile} does for a server's JVM.
     */
    public static dev.wirelab.labs.tour.ProfileSummary profile(String label, Callable<?> work) {
        try (jdk.jfr.Recording recording = new jdk.jfr.Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.enable("jdk.ObjectAllocationSample");
            java.time.Instant since = java.time.Instant.now();
            recording.start();
            withOurClassLoader(work);
            recording.stop();
            Path jfr = Files.createTempFile("wirelab-profile", ".jfr");
            recording.dump(jfr);
            dev.wirelab.labs.tour.ProfileSummary summary = dev.wirelab.labs.tour.ProfileSummary.read(jfr, 8, since);
            Files.deleteIfExists(jfr);
            System.out.println(label + ": " + summary.executionSamples() + " execution samples, "
                    + summary.allocatedBytes() / 1024 + " KiB of sampled allocation");
            TextTable hot = new TextTable("share", "hot method (top frame)");
            summary.hotMethods().forEach(e -> hot.row(String.format(Locale.ROOT, "%.1f%%", e.percent()), e.frame()));
            System.out.print(hot.toTerminal());
            TextTable alloc = new TextTable("share", "allocation site");
            summary.allocationSites().forEach(e -> alloc.row(String.format(Locale.ROOT, "%.1f%%", e.percent()), e.frame()));
            System.out.print(alloc.toTerminal());
            return summary;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ JMH

    /**
     * Runs the JMH benchmarks of {@code suite} ({@code simd}, {@code metrics}, ...) whose name
     * matches {@code filter} (a class or method name), in the quick mode of {@code lab bench
     * --quick}, prints the ratio table and returns the rows.
     */
    public static List<BenchRow> bench(String suite, String filter) {
        forkedJvmsSeeTheProject();
        // JMH refuses to start while another JMH run holds /tmp/jmh.lock (any user's, any
        // project's). A notebook's quick run is a rough figure anyway: run, and say so.
        if (!Boolean.getBoolean("jmh.ignoreLock")) {
            System.setProperty("jmh.ignoreLock", "true");
        }
        try {
            Path json = Files.createTempFile("wirelab-bench", ".json");
            List<BenchRow> rows = withOurClassLoader(() -> new BenchRunner(System.out, false)
                    .run(BenchSuite.parse(suite), new BenchRunner.Settings(true, filter, json)));
            System.out.print(RatioTable.of(rows).toTerminal());
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * JMH starts each fork with this JVM's {@code java.class.path}. In a kernel the project's jars
     * were added to JShell's class loader, not to that property, so name them there first.
     */
    static void forkedJvmsSeeTheProject() {
        String current = System.getProperty("java.class.path", "");
        if (current.contains("wirelab-core")) {
            return;
        }
        List<Path> classpath = KernelSpec.forCheckout(Checkout.root(), -1).classpath();
        String joined = classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        System.setProperty("java.class.path", current.isEmpty() ? joined : current + File.pathSeparator + joined);
    }

    // ------------------------------------------------------------------ tables and charts

    /** A table to fill with {@code row(...)} and print with {@code show()}. */
    public static Table table(String... header) {
        return new Table(new TextTable(header));
    }

    /** A {@link TextTable} that prints itself. */
    public record Table(TextTable text) {
        public Table row(Object... cells) {
            text.row(cells);
            return this;
        }

        public void show() {
            System.out.print(text.toTerminal());
        }
    }

    /** Label, value, label, value, ...: an ordered map for {@link #bars(String, String, Map)}. */
    public static Map<String, Double> pairs(Object... labelsAndValues) {
        if (labelsAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("pairs takes label, value, label, value, ...");
        }
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < labelsAndValues.length; i += 2) {
            map.put(String.valueOf(labelsAndValues[i]), ((Number) labelsAndValues[i + 1]).doubleValue());
        }
        return map;
    }

    /** One bar per entry, in the map's order. */
    public static BufferedImage bars(String title, String yAxis, Map<String, ? extends Number> values) {
        Map<String, List<Double>> series = new LinkedHashMap<>();
        series.put(yAxis, values.values().stream().map(Number::doubleValue).toList());
        return Charts.groupedBarsImage(title, yAxis, List.copyOf(values.keySet()), series);
    }

    /** Grouped bars: one group per category, one colour per series. */
    public static BufferedImage bars(String title, String yAxis, List<String> categories,
                                     Map<String, List<Double>> series) {
        return Charts.groupedBarsImage(title, yAxis, categories, series);
    }

    /** {xs, ys} from a list of records: {@code Lab.xy(samples, s -> s.elapsedMillis(), s -> s.depth())}. */
    public static <T> double[][] xy(List<T> items, ToDoubleFunction<T> x, ToDoubleFunction<T> y) {
        return new double[][] {items.stream().mapToDouble(x).toArray(), items.stream().mapToDouble(y).toArray()};
    }

    /** Name, {xs, ys}, name, {xs, ys}, ...: an ordered map for {@link #lines}. */
    public static Map<String, double[][]> curves(Object... namesAndXy) {
        if (namesAndXy.length % 2 != 0) {
            throw new IllegalArgumentException("curves takes name, xy, name, xy, ...");
        }
        Map<String, double[][]> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndXy.length; i += 2) {
            map.put(String.valueOf(namesAndXy[i]), (double[][]) namesAndXy[i + 1]);
        }
        return map;
    }

    /** Lines: each series is {xs, ys}. */
    public static BufferedImage lines(String title, String xAxis, String yAxis, Map<String, double[][]> series) {
        return Charts.linesImage(title, xAxis, yAxis, false, false, series);
    }

    // ------------------------------------------------------------------ quizzes

    /** Prints question {@code number} of {@code chapter}. */
    public static void ask(String chapter, int number) {
        System.out.print(Quiz.ask(chapter, number));
    }

    /**
     * Grades one answer and prints the verdict and the explanation. A wrong answer is shown as
     * wrong, never thrown; only an answer that cannot be read (a letter the question lacks) is
     * an error.
     */
    public static void answer(String chapter, int number, String answer) {
        System.out.println(verdictText(chapter, number, Quiz.check(chapter, number, answer)));
    }

    /** Grades {@code answers[i]} as the answer to question {@code i + 1}: a whole chapter in one cell. */
    public static void answers(String chapter, String... answers) {
        for (int i = 0; i < answers.length; i++) {
            answer(chapter, i + 1, answers[i]);
        }
    }

    /** The line the notebook test counts, then what the quiz engine says. */
    static String verdictText(String chapter, int number, Verdict verdict) {
        String name = QuizChapters.canonical(chapter);
        return "quiz " + name + " question " + number + ": " + (verdict.correct() ? "correct" : "wrong")
                + "\n" + verdict.render() + "\n";
    }

    // ------------------------------------------------------------------ diagrams

    /** Renders {@code notebooks/diagrams/NAME.puml} (a PlantUML text source) to an image. */
    public static BufferedImage diagram(String name) {
        return Diagrams.png(Diagrams.source(name));
    }

    // ------------------------------------------------------------------ plumbing

    /**
     * Runs {@code work} with this class's loader as the thread's context class loader: in a
     * kernel, libraries that look up resources or services through it (Akka's configuration,
     * JMH's benchmark list) would otherwise see the kernel's own class path and not the project.
     */
    static <T> T withOurClassLoader(Callable<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Lab.class.getClassLoader());
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Canonical chapter names ("5" and "backpressure" both mean "05-backpressure"). */
    static final class QuizChapters {
        private QuizChapters() {
        }

        static String canonical(String chapter) {
            try {
                return QuizBank.locate().chapter(chapter).name();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (dev.wirelab.labs.quiz.QuizFormatException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
    }
}
