package dev.wirelab.labs.exercise;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles an exercise's files in the lab's own JVM with {@code javax.tools}: no Maven, no
 * second JVM, so a check takes a second, not a build.
 *
 * <p>The class path is the lab's: every jar the lab runs with (core, simd, the servers,
 * Netty, Akka, JUnit). A jar whose manifest lists more jars (the way Surefire starts tests)
 * is expanded, so the same code works under {@code ./lab} and under {@code mvnw verify}.
 * Exercises that use an incubator module name it in the manifest; the compiler adds it with
 * {@code --add-modules}.
 */
public final class ExerciseCompiler {

    /** One compile error: where, what, and the offending line of source. */
    public record Problem(Path file, long line, long column, String message, String sourceLine) {

        /** {@code exercises/x/File.java:12: cannot find symbol ...}, the source line, a caret under the column. */
        public String render(Path relativeTo) {
            String where = file == null ? "(unknown file)" : relativeTo.relativize(file.toAbsolutePath()).toString();
            StringBuilder s = new StringBuilder(where).append(':').append(line).append(": ").append(message);
            if (sourceLine != null && !sourceLine.isBlank()) {
                s.append('\n').append("    ").append(sourceLine.stripTrailing());
                if (column > 0) {
                    s.append('\n').append("    ").append(" ".repeat((int) Math.min(column - 1, sourceLine.length()))).append('^');
                }
            }
            return s.toString();
        }
    }

    private ExerciseCompiler() {
    }

    /**
     * One compiler and one file manager for the life of the lab: the file manager indexes the
     * hundred-odd jars of the class path once, instead of on every check (the bulk of a cold
     * compile's time). Compiles are serialized on it.
     */
    private static final class Shared {
        static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();
        static final StandardJavaFileManager FILES = JAVAC == null ? null : open();

        private static StandardJavaFileManager open() {
            StandardJavaFileManager files = JAVAC.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
            try {
                List<File> entries = new ArrayList<>();
                for (String entry : classPath().split(File.pathSeparator)) {
                    entries.add(new File(entry));
                }
                files.setLocation(StandardLocation.CLASS_PATH, entries);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return files;
        }
    }

    /** Compiles {@code sources} into {@code out}; returns the errors (empty means it compiled). */
    public static List<Problem> compile(List<Path> sources, Path out, List<String> modules) throws IOException {
        if (Shared.JAVAC == null) {
            throw new IllegalStateException("this Java runtime has no compiler (javax.tools); run the lab on a JDK 25, not a JRE");
        }
        Files.createDirectories(out);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = new ArrayList<>(List.of(
                "-d", out.toString(),
                "-encoding", "UTF-8",
                "-proc:none",
                "-g",
                "-nowarn",
                "-XDsuppressNotes"));
        if (!modules.isEmpty()) {
            options.add("--add-modules");
            options.add(String.join(",", modules));
        }
        synchronized (Shared.FILES) {
            StringWriter noise = new StringWriter();
            Boolean ok = Shared.JAVAC.getTask(noise, Shared.FILES, diagnostics, options, null,
                    Shared.FILES.getJavaFileObjectsFromPaths(sources)).call();
            List<Problem> problems = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    problems.add(problem(d));
                }
            }
            if (!ok && problems.isEmpty()) {
                problems.add(new Problem(null, 0, 0, "the compiler failed: " + noise.toString().strip(), null));
            }
            return problems;
        }
    }

    private static Problem problem(Diagnostic<? extends JavaFileObject> d) {
        Path file = d.getSource() == null ? null : Path.of(d.getSource().toUri());
        String line = null;
        if (file != null && d.getLineNumber() > 0) {
            try {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                line = d.getLineNumber() <= lines.size() ? lines.get((int) d.getLineNumber() - 1) : null;
            } catch (IOException ignored) {
                line = null;
            }
        }
        String message = d.getMessage(Locale.ROOT).lines().findFirst().orElse("");
        return new Problem(file, d.getLineNumber(), d.getColumnNumber(), message, line);
    }

    /** The lab's class path, with manifest-only jars (Surefire's booter) expanded into the jars they name. */
    public static String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            entries.add(entry);
            expandManifest(Path.of(entry), entries);
        }
        return String.join(File.pathSeparator, entries);
    }

    private static void expandManifest(Path jar, Set<String> entries) {
        if (!jar.toString().endsWith(".jar") || !Files.isRegularFile(jar)) {
            return;
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String listed = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (listed == null) {
                return;
            }
            for (String url : listed.trim().split("\\s+")) {
                try {
                    Path p = url.startsWith("file:") ? Path.of(java.net.URI.create(url)) : jar.resolveSibling(url);
                    entries.add(p.toString());
                } catch (IllegalArgumentException ignored) {
                    // An entry we cannot read as a path is one javac could not use either.
                }
            }
        } catch (IOException ignored) {
            // Not a readable jar: javac will say so if it matters.
        }
    }
}
