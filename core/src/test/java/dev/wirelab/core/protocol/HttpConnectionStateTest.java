package dev.wirelab.core.protocol;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.wirelab.core.parse.HttpVersion;
import dev.wirelab.core.protocol.HttpConnectionState.Closed;
import dev.wirelab.core.protocol.HttpConnectionState.ReadingBody;
import dev.wirelab.core.protocol.HttpConnectionState.ReadingChunked;
import dev.wirelab.core.protocol.HttpConnectionState.ReadingHeaders;
import dev.wirelab.core.protocol.HttpConnectionState.WritingResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HttpConnectionStateTest {

    private static final HttpRequest POST = new HttpRequest("POST", "/", HttpVersion.HTTP_1_1, List.of(), new byte[0]);

    /** The kind of switch the driver is built from: every state named, no default. */
    private static String describe(HttpConnectionState state) {
        return switch (state) {
            case ReadingHeaders h -> "reading headers";
            case ReadingBody b -> "reading body, " + b.remaining() + " to go";
            case ReadingChunked c -> "reading chunked, " + c.body().size() + " so far";
            case WritingResponse w -> "writing " + w.bytes().length + " bytes";
            case Closed c -> "closed: " + c.cause();
        };
    }

    @Test
    void eachStateCarriesItsOwnData() {
        assertEquals("reading headers", describe(new ReadingHeaders()));
        assertEquals("reading body, 3 to go", describe(new ReadingBody(POST, new byte[5], 2)));
        assertEquals("reading chunked, 0 so far", describe(new ReadingChunked(POST, new java.io.ByteArrayOutputStream())));
        assertEquals("writing 4 bytes", describe(new WritingResponse(new byte[4], new ReadingHeaders())));
        assertEquals("closed: PEER_CLOSED", describe(new Closed(Closed.Cause.PEER_CLOSED)));
    }

    /** receive() is a function: the old state is unchanged, the new one has the bytes. */
    @Test
    void receiveReturnsTheNextStateAndTakesOnlyWhatTheBodyNeeds() {
        ReadingBody empty = new ReadingBody(POST, new byte[3], 0);
        ByteBuffer in = ByteBuffer.wrap("abcNEXT".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        ReadingBody full = empty.receive(in);

        assertEquals(0, empty.filled());
        assertEquals(3, full.filled());
        assertEquals(true, full.isComplete());
        assertEquals(3, in.position(), "the next request's bytes stay in the buffer");
    }

    @Test
    void writingResponseGoesOnlyToReadingHeadersOrClosed() {
        Closed closed = new Closed(Closed.Cause.CONNECTION_CLOSE);

        assertSame(closed, new WritingResponse(new byte[0], closed).written());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new WritingResponse(new byte[0], new ReadingBody(POST, new byte[1], 0)));
        assertEquals("after a response comes ReadingHeaders or Closed, not ReadingBody", e.getMessage());
    }

    // ---- what the compiler enforces ----

    private static final String HEAD = """
            import dev.wirelab.core.protocol.HttpConnectionState;
            import dev.wirelab.core.protocol.HttpConnectionState.*;
            class Snippet {
                static String name(HttpConnectionState s) {
                    return switch (s) {
                        case ReadingHeaders h -> "headers";
                        case ReadingBody b -> "body";
                        case ReadingChunked c -> "chunked";
                        case WritingResponse w -> "writing";
            """;
    private static final String TAIL = """
                    };
                }
            }
            """;

    @Test
    void aSwitchNamingEveryStateCompiles(@TempDir Path out) {
        assertEquals("", compile(out, HEAD + "            case Closed c -> \"closed\";\n" + TAIL));
    }

    /** Forget one state and the build breaks: the guarantee that makes "no default" worth it. */
    @Test
    void aSwitchMissingAStateDoesNotCompile(@TempDir Path out) {
        assertEquals("the switch expression does not cover all possible input values", compile(out, HEAD + TAIL));
    }

    /** Nobody outside the sealed interface can invent a state that the switches do not know. */
    @Test
    void aStateOutsideThePermittedSetDoesNotCompile(@TempDir Path out) {
        String rogue = """
                import dev.wirelab.core.protocol.HttpConnectionState;
                record Snippet() implements HttpConnectionState { }
                """;

        assertEquals("class is not allowed to extend sealed class: dev.wirelab.core.protocol.HttpConnectionState "
                + "(as it is not listed in its 'permits' clause)", compile(out, rogue));
    }

    // ---- the real driver, not a snippet ----

    private static final Path SOURCES = Path.of("src/main/java/dev/wirelab/core/protocol");

    /**
     * Add a sixth state to the real sealed interface and compile it with the real driver: every
     * switch over the state in {@link HttpConnectionDriver} must stop compiling, each at its own
     * line. A {@code default ->} slipped into one of them would make that line compile, and this
     * test fail: that is the guarantee the lesson claims.
     */
    @Test
    void theRealDriverStopsCompilingWhenAStateIsAdded(@TempDir Path out) throws java.io.IOException {
        String state = java.nio.file.Files.readString(SOURCES.resolve("HttpConnectionState.java"));
        String driver = java.nio.file.Files.readString(SOURCES.resolve("HttpConnectionDriver.java"));
        int end = state.lastIndexOf('}');
        String withSixth = state.substring(0, end) + "    record Draining() implements HttpConnectionState {\n    }\n}\n";

        List<String> errors = compileDriver(out, withSixth, driver);

        List<String> expected = new java.util.ArrayList<>();
        List<String> lines = driver.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches(".*\\bswitch \\((state|current)\\).*")) {
                expected.add("HttpConnectionDriver.java:" + (i + 1) + ": the switch expression does not cover all possible input values");
            }
        }
        assertEquals(2, expected.size(), "the driver has two switches over its state: step and end of input");
        assertEquals(expected, errors);
    }

    /** Guards the test above: the real sources, unchanged, compile this way without an error. */
    @Test
    void theRealDriverCompilesWithTheRealStates(@TempDir Path out) throws java.io.IOException {
        assertEquals(List.of(), compileDriver(out, java.nio.file.Files.readString(SOURCES.resolve("HttpConnectionState.java")),
                java.nio.file.Files.readString(SOURCES.resolve("HttpConnectionDriver.java"))));
    }

    /** Compiles the two sources against core's classes; returns "File.java:line: message" per error. */
    private static List<String> compileDriver(Path out, String state, String driver) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        javac.getTask(null, null, diagnostics, List.of("-classpath", coreClasses(), "-d", out.toString(), "-proc:none"), null,
                List.of(source("HttpConnectionState", state), source("HttpConnectionDriver", driver))).call();
        return diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> Path.of(d.getSource().toUri().getPath()).getFileName() + ":" + d.getLineNumber() + ": "
                        + d.getMessage(Locale.ROOT))
                .toList();
    }

    private static JavaFileObject source(String className, String text) {
        return new SimpleJavaFileObject(URI.create("string:///dev/wirelab/core/protocol/" + className + ".java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return text;
            }
        };
    }

    private static String coreClasses() {
        return Path.of(URI.create(HttpConnectionState.class.getProtectionDomain().getCodeSource().getLocation().toString()))
                .toString();
    }

    /** Compiles one source file against core's classes; returns the error messages, one per line. */
    private static String compile(Path out, String source) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///Snippet.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        String classes = Path.of(URI.create(HttpConnectionState.class.getProtectionDomain().getCodeSource().getLocation().toString()))
                .toString();
        javac.getTask(null, null, diagnostics, List.of("-classpath", classes, "-d", out.toString()), null, List.of(file)).call();
        return diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> d.getMessage(Locale.ROOT))
                .collect(Collectors.joining("\n"));
    }
}
