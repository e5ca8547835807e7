package exercises.typestate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// The tests of exercise typestate-login. Do not change this file: lab check runs it as it is.
class TypestateLoginTest {

    private static final Map<String, String> USERS = Map.of("ada", "lovelace", "alan", "turing");

    /** The right password gives an Authenticated connection that can fetch the user's data. */
    @Test
    void rightPasswordLogsIn() {
        Optional<Authenticated> session = Unauthenticated.connect(USERS).login("ada", "lovelace");
        assertTrue(session.isPresent(), "ada/lovelace should log in");
        assertEquals("ada", session.get().user());
        assertArrayEquals("data of ada".getBytes(StandardCharsets.UTF_8), session.get().fetchData());
    }

    /** A wrong password or an unknown user gives nothing. */
    @Test
    void wrongPasswordOrUnknownUserDoesNot() {
        assertEquals(Optional.empty(), Unauthenticated.connect(USERS).login("ada", "turing"));
        assertEquals(Optional.empty(), Unauthenticated.connect(USERS).login("grace", "hopper"));
        assertEquals(Optional.empty(), Unauthenticated.connect(USERS).login("ada", "lovelac"));
    }

    /** The control: a program that logs in, then fetches, compiles against your classes. */
    @Test
    void fetchingAfterLoginCompiles(@TempDir Path out) throws Exception {
        List<String> errors = compile(out, """
                Unauthenticated.connect(java.util.Map.of("a", "b")).login("a", "b").ifPresent(s -> s.fetchData());
                """);
        assertEquals(List.of(), errors, "this program must compile; if it does not, the test cannot judge the next two");
    }

    /** The point of the exercise: fetchData on an unauthenticated connection does not compile. */
    @Test
    void fetchingBeforeLoginDoesNotCompile(@TempDir Path out) throws Exception {
        List<String> errors = compile(out, """
                Unauthenticated.connect(java.util.Map.of()).fetchData();
                """);
        assertTrue(errors.stream().anyMatch(e -> e.contains("fetchData")),
                "calling fetchData() on an Unauthenticated compiled; it must be a compile error (errors: " + errors + ")");
    }

    /** Nobody outside the package can forge a logged-in connection. */
    @Test
    void anAuthenticatedCannotBeForged(@TempDir Path out) throws Exception {
        List<String> errors = compile(out, """
                new Authenticated("mallory", java.util.Map.of()).fetchData();
                """);
        assertTrue(errors.stream().anyMatch(e -> e.contains("Authenticated")),
                "new Authenticated(...) compiled outside the package; only login may make one (errors: " + errors + ")");
    }

    /** Compiles {@code body} as a method of a class in another package, against the exercise's classes. */
    private static List<String> compile(Path out, String body) throws Exception {
        String source = """
                package probe;
                import exercises.typestate.*;
                class Probe {
                    void run() {
                        %s
                    }
                }
                """.formatted(body);
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///probe/Probe.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        // The probe needs only the exercise's own classes (and the JDK).
        String classPath = Path.of(Unauthenticated.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Files.createDirectories(out);
        javac.getTask(new StringWriter(), null, diagnostics, List.of("-d", out.toString(), "-classpath", classPath, "-proc:none"),
                null, List.of(file)).call();
        return diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> d.getMessage(null))
                .toList();
    }
}
