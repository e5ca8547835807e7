package dev.wirelab.core.typestate;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Test harness: compiles Java sources held in strings, in memory, and returns javac's
 * diagnostics. Class files are written to memory and dropped; nothing touches the disk.
 *
 * <p>This is how the build proves that misuse "does not compile": a compile-fail test
 * hands a snippet to {@link #compile} and asserts the exact diagnostic (its key, line,
 * column and message), so a refactoring that accidentally makes the misuse legal fails
 * the build.
 */
final class InMemoryJavac {

    /** One error or warning, reduced to what a test asserts on. */
    record Problem(Diagnostic.Kind kind, String code, String source, long line, long column, String message) {
        @Override
        public String toString() {
            return kind + " " + code + " at " + source + ":" + line + ":" + column + ": " + message;
        }
    }

    /** The outcome: whether javac succeeded, and everything it said. */
    record Result(boolean success, List<Problem> problems) {
        List<Problem> errors() {
            return problems.stream().filter(p -> p.kind() == Diagnostic.Kind.ERROR).toList();
        }
    }

    private InMemoryJavac() {
    }

    /**
     * Compiles {@code sources} (file name such as {@code "Snippet.java"} or
     * {@code "dev/wirelab/core/typestate/Gateway.java"} to source text) against
     * {@code classpath}, with the same {@code -Xlint:all} the build uses.
     */
    static Result compile(Map<String, String> sources, List<Path> classpath) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no system Java compiler: run the tests on a JDK, not a JRE");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8);
        List<JavaFileObject> units = sources.entrySet().stream()
                .map(e -> (JavaFileObject) new StringSource(e.getKey(), e.getValue()))
                .toList();
        String path = classpath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
        List<String> options = List.of("-Xlint:all", "-proc:none", "--release", "25", "-classpath", path);
        boolean ok = javac.getTask(null, new DiscardingOutput(standard), diagnostics, options, null, units).call();
        return new Result(ok, diagnostics.getDiagnostics().stream().map(InMemoryJavac::problem).toList());
    }

    private static Problem problem(Diagnostic<? extends JavaFileObject> d) {
        String source = d.getSource() == null ? "" : d.getSource().getName();
        return new Problem(d.getKind(), d.getCode(), source, d.getLineNumber(), d.getColumnNumber(),
                d.getMessage(Locale.ROOT));
    }

    /** A compilation unit whose text is a string; its name is the path javac reports. */
    private static final class StringSource extends SimpleJavaFileObject {
        private final String text;

        StringSource(String fileName, String text) {
            super(URI.create("string:///" + fileName), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public String getName() {
            return uri.getPath().substring(1);
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }

    /** Sends class files to memory, where they are forgotten: the tests need only diagnostics. */
    private static final class DiscardingOutput extends ForwardingJavaFileManager<JavaFileManager> {
        DiscardingOutput(JavaFileManager delegate) {
            super(delegate);
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className,
                                                   JavaFileObject.Kind kind, FileObject sibling) {
            return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
                @Override
                public OutputStream openOutputStream() {
                    return new ByteArrayOutputStream();
                }
            };
        }
    }
}
