package dev.wirelab.labs.notebook;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The {@code wirelab} Jupyter kernelspec: how Jupyter starts a Java 25 kernel that sees the
 * whole project.
 *
 * <p>The kernel is rapaio's JShell-based kernel, started with {@code java -jar}. It runs the
 * cells inside its own JVM (JShell's local execution), so that JVM needs the flags the modules need: the
 * Vector API for {@code simd}, native access for Netty's epoll/io_uring transports, and
 * {@code sun.misc.Unsafe} memory access for Akka. The kernel reads the project's jars from
 * {@code RJK_CLASSPATH} (entries separated by {@code ;}, whatever the platform) and extra javac
 * options from {@code RJK_COMPILER_OPTIONS}; both go into the kernelspec's {@code env}, so no
 * notebook needs a kernel-specific magic.
 *
 * <p>The {@code java} in {@code argv} is an absolute path: a plain {@code java} would be
 * whatever the {@code PATH} offers, which on many machines is an older JDK.
 *
 * @param java          the JDK 25+ {@code java} executable
 * @param kernelJar     rapaio's shaded kernel jar
 * @param classpath     the project's jars and their dependencies, in class path order
 * @param root          the wirelab checkout (passed as {@code -Dwirelab.root}, so quizzes and
 *                      diagrams are found from any working directory)
 * @param cellTimeoutMs the kernel's own limit per cell in milliseconds, or -1 for none
 */
public record KernelSpec(Path java, Path kernelJar, List<Path> classpath, Path root, long cellTimeoutMs) {

    /** The kernelspec's directory name, and the {@code kernelspec.name} every notebook names. */
    public static final String NAME = "wirelab";
    public static final String DISPLAY_NAME = "Java 25 (wirelab)";

    /** The JVM flags of {@code ./lab}: the same code runs the same way in the kernel. */
    static final List<String> JVM_FLAGS = List.of(
            "--add-modules", "jdk.incubator.vector",
            "--sun-misc-unsafe-memory-access=allow",
            "--enable-native-access=ALL-UNNAMED",
            "-Djava.awt.headless=true");

    public KernelSpec {
        classpath = List.copyOf(classpath);
    }

    /**
     * The kernelspec for a built checkout: the JVM running this code (the one {@code ./lab}
     * chose), the kernel jar and class path file the labs build writes into {@code labs/target}.
     */
    public static KernelSpec forCheckout(Path root, long cellTimeoutMs) {
        Path target = root.resolve("labs").resolve("target");
        Path kernelJar = target.resolve("jupyter").resolve("rapaio-jupyter-kernel.jar");
        Path classpathFile = target.resolve("lab.classpath");
        if (!Files.isRegularFile(kernelJar) || !Files.isRegularFile(classpathFile)) {
            throw new IllegalStateException("the labs build output is missing (" + root.relativize(kernelJar) + ", "
                    + root.relativize(classpathFile) + "); run ./mvnw -pl labs -am -DskipTests package");
        }
        List<Path> classpath = new ArrayList<>();
        classpath.add(labsJar(target));
        for (String entry : read(classpathFile).trim().split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                classpath.add(Path.of(entry));
            }
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new KernelSpec(java, kernelJar, classpath, root, cellTimeoutMs);
    }

    /** What Jupyter runs; {@code {connection_file}} is Jupyter's placeholder. */
    public List<String> argv() {
        List<String> argv = new ArrayList<>();
        argv.add(java.toString());
        argv.addAll(JVM_FLAGS);
        argv.add("-Dwirelab.root=" + root);
        argv.add("-jar");
        argv.add(kernelJar.toString());
        argv.add("{connection_file}");
        return argv;
    }

    /** The kernel's environment: the class path ({@code ;}-separated, as the kernel splits it) and javac options. */
    public Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("RJK_CLASSPATH", String.join(";", classpath.stream().map(Path::toString).toList()));
        env.put("RJK_COMPILER_OPTIONS", "--add-modules jdk.incubator.vector");
        env.put("RJK_TIMEOUT_MILLIS", Long.toString(cellTimeoutMs));
        return env;
    }

    /** The {@code kernel.json} text. */
    public String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("argv", argv());
        json.put("display_name", DISPLAY_NAME);
        json.put("language", "java");
        json.put("interrupt_mode", "message");
        json.put("env", env());
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes {@code kernels/wirelab/kernel.json} under {@code jupyterDir} (a directory for
     * {@code JUPYTER_PATH}), replacing an older one; nothing else there is touched.
     *
     * @return the kernel.json written
     */
    public Path installInto(Path jupyterDir) throws IOException {
        Path dir = jupyterDir.resolve("kernels").resolve(NAME);
        Files.createDirectories(dir);
        Path file = dir.resolve("kernel.json");
        Files.writeString(file, toJson(), StandardCharsets.UTF_8);
        return file;
    }

    /** The labs jar itself (its dependencies are in lab.classpath); the classes folder if no jar was built. */
    private static Path labsJar(Path target) {
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith("wirelab-labs-") && name.endsWith(".jar")
                        && !name.contains("sources") && !name.contains("tests");
            }).findFirst().orElse(target.resolve("classes"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
