package dev.wirelab.core.typestate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compile-fail tests: the typestate's promises are about what does <em>not</em> compile,
 * so these tests run javac on small snippets and assert the exact diagnostic.
 *
 * <p>A positive snippet that must compile guards the harness itself: if the class path
 * or the options were wrong, it would fail too, instead of every negative test passing
 * for the wrong reason.
 */
class TypestateCompileTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/wirelab/core/typestate");

    /** The lesson's intended use compiles cleanly, without even a warning. */
    @Test
    void correctUseCompilesWithoutWarnings() {
        InMemoryJavac.Result result = compileSnippet("""
                import dev.wirelab.core.typestate.*;

                class Snippet {
                    static String balance(Gateway gateway, char[] password) {
                        Unauthenticated fresh = gateway.connect("127.0.0.1:50412");
                        return switch (fresh.login("ada", password)) {
                            case LoginResult.Success s -> s.connection().read("balance").orElse("0");
                            case LoginResult.Rejected r -> "rejected, " + r.connection().attemptsLeft() + " left";
                            case LoginResult.LockedOut l -> l.connection().reason();
                        };
                    }
                }
                """);
        assertEquals(List.of(), result.problems());
        assertTrue(result.success());
    }

    /** One way to misuse a state each, and the one diagnostic javac must give for it. */
    record Misuse(String name, String body, String code, long line, long column, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Misuse> misuses() {
        return Stream.of(
                new Misuse("read before login", "conn.read(\"balance\");",
                        "compiler.err.cant.resolve.location.args", 6, 13,
                        "cannot find symbol\n  symbol:   method read(java.lang.String)\n"
                                + "  location: variable conn of type dev.wirelab.core.typestate.Unauthenticated"),
                new Misuse("write before login", "conn.write(\"balance\", \"1000000\");",
                        "compiler.err.cant.resolve.location.args", 6, 13,
                        "cannot find symbol\n  symbol:   method write(java.lang.String,java.lang.String)\n"
                                + "  location: variable conn of type dev.wirelab.core.typestate.Unauthenticated"),
                new Misuse("read through the sealed interface", "Connection any = conn; any.read(\"balance\");",
                        "compiler.err.cant.resolve.location.args", 6, 35,
                        "cannot find symbol\n  symbol:   method read(java.lang.String)\n"
                                + "  location: variable any of type dev.wirelab.core.typestate.Connection"),
                new Misuse("treat unauthenticated as authenticated", "Authenticated a = conn;",
                        "compiler.err.prob.found.req", 6, 27,
                        "incompatible types: dev.wirelab.core.typestate.Unauthenticated cannot be converted"
                                + " to dev.wirelab.core.typestate.Authenticated"),
                new Misuse("construct an authenticated connection", "new Authenticated(null, \"peer\", \"ada\");",
                        "compiler.err.not.def.public.cant.access", 6, 9,
                        "Authenticated(dev.wirelab.core.typestate.Gateway,java.lang.String,java.lang.String)"
                                + " is not public in dev.wirelab.core.typestate.Authenticated;"
                                + " cannot be accessed from outside package"));
    }

    /** Data access before login, in each disguise, is a compile error with a precise message. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("misuses")
    void misuseOfAnUnauthenticatedConnectionDoesNotCompile(Misuse misuse) {
        InMemoryJavac.Result result = compileSnippet("""
                import dev.wirelab.core.typestate.*;

                class Snippet {
                    static void misuse(Gateway gateway) {
                        Unauthenticated conn = gateway.connect("127.0.0.1:50412");
                        %s
                    }
                }
                """.formatted(misuse.body()));
        assertFalse(result.success());
        assertEquals(List.of(new InMemoryJavac.Problem(javax.tools.Diagnostic.Kind.ERROR, misuse.code(), "Snippet.java",
                misuse.line(), misuse.column(), misuse.message())), result.errors());
    }

    /** Control for the next test: the package as shipped compiles from source on its own. */
    @Test
    void shippedTypestateSourcesCompile() throws IOException {
        InMemoryJavac.Result result = InMemoryJavac.compile(shippedSources(), List.of());
        assertEquals(List.of(), result.problems());
    }

    /**
     * Adding a state to the sealed hierarchy without handling it breaks the build at the
     * exhaustive switch in {@link Gateway#disconnect}: the compiler, not a reviewer, finds
     * every place the new state must be handled.
     */
    @Test
    void addingAStateWithoutHandlingItDoesNotCompile() throws IOException {
        Map<String, String> sources = shippedSources();
        String connection = sources.get(path("Connection.java"));
        String permits = "permits Unauthenticated, Authenticated, Closed";
        assertTrue(connection.contains(permits), "Connection.java no longer has: " + permits);
        sources.put(path("Connection.java"), connection.replace(permits, permits + ", Suspended"));
        sources.put(path("Suspended.java"), """
                package dev.wirelab.core.typestate;

                /** A new state: logged in, but paused by an operator. */
                public record Suspended(String peer) implements Connection {
                }
                """);

        InMemoryJavac.Result result = InMemoryJavac.compile(sources, List.of());

        assertFalse(result.success());
        assertEquals(List.of(new InMemoryJavac.Problem(javax.tools.Diagnostic.Kind.ERROR,
                "compiler.err.not.exhaustive.statement", path("Gateway.java"),
                lineOf(sources.get(path("Gateway.java")), "switch (connection) {"), 9,
                "the switch statement does not cover all possible input values")), result.errors());
    }

    // ---- helpers ----

    private static InMemoryJavac.Result compileSnippet(String source) {
        return InMemoryJavac.compile(Map.of("Snippet.java", source), List.of(compiledMainClasses()));
    }

    /** Where the main classes were compiled to (target/classes): the snippets compile against them. */
    private static Path compiledMainClasses() {
        try {
            return Path.of(Gateway.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> shippedSources() throws IOException {
        assertTrue(Files.isDirectory(SOURCES), "run from the core module directory; missing " + SOURCES.toAbsolutePath());
        Map<String, String> sources = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                sources.put(path(file.getFileName().toString()), Files.readString(file));
            }
        }
        return sources;
    }

    private static String path(String fileName) {
        return "dev/wirelab/core/typestate/" + fileName;
    }

    private static long lineOf(String source, String fragment) {
        List<String> lines = source.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(fragment)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line contains: " + fragment);
    }
}
