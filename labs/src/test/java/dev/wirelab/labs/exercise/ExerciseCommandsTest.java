package dev.wirelab.labs.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The student's loop on a two-exercise copy of the course: list, check, hint, reset, watch, the JSON. */
@Timeout(120)
class ExerciseCommandsTest {

    @TempDir
    Path dir;

    /** A fresh course lists every exercise as todo except the first, which is next. */
    @Test
    void listShowsNextAndProgress() throws Exception {
        CourseFixture c = CourseFixture.twoExercises(dir, 10);
        assertEquals(0, c.lab("list"));
        String text = c.out.toString();
        assertTrue(text.matches("(?s).*1\\s+next\\s+udp-flyweight.*2\\s+todo\\s+sealed-state.*"), text);
        assertTrue(text.contains("Progress: 0 of 2 done."), text);
    }

    /** The starter fails with each test named, the student's line located, and the plain counts last. */
    @Test
    void checkOfAStarterFailsReadably() throws Exception {
        CourseFixture c = CourseFixture.twoExercises(dir, 10);
        assertEquals(1, c.lab("check"));
        String text = c.out.toString();
        assertTrue(text.contains("== udp-flyweight (1 of 2)"), "no ID means the next unfinished: " + text);
        assertTrue(text.contains("readsEveryFieldAsUnsignedBigEndian"), text);
        assertTrue(text.contains("lab hint udp-flyweight"), text);
        assertTrue(text.matches("(?s).*at UdpView\\.java:\\d+.*"), "the failure should point at the student's line: " + text);
        assertEquals("0 passed, 5 failed", c.lastLine());
        assertFalse(Course.at(c.root).progress().isDone("udp-flyweight"));
    }

    /** A passing check marks the exercise done, names the next one, and list shows it; the file survives a new Course. */
    @Test
    void passingCheckMarksDoneAndNamesTheNext() throws Exception {
        CourseFixture c = CourseFixture.twoExercises(dir, 10);
        c.solve("udp-flyweight", "UdpView.java");
        assertEquals(0, c.lab("check", "udp-flyweight"));
        assertTrue(c.out.toString().contains("Done: udp-flyweight passes. Next: lab check sealed-state"), c.out.toString());
        assertEquals("5 passed, 0 failed", c.lastLine());
        assertTrue(Course.at(c.root).progress().isDone("udp-flyweight"));
        assertEquals(0, c.lab("list"));
        assertTrue(c.out.toString().contains("Progress: 1 of 2 done. Next: lab check sealed-state"), c.out.toString());
    }

    /** A wrong answer shows expected and actual from the assertion. */
    @Test
    void failedAssertionShowsExpectedAndActual() throws Exception {
        CourseFixture c = CourseFixture.twoExercises(dir, 10);
        Path file = c.file("udp-flyweight", "UdpView.java");
        writeBody(file, "return buffer.getShort(offset + at);");
        assertEquals(1, c.lab("check", "1"));
        String text = c.out.toString();
        assertTrue(text.contains("expected: <65535> but was: <-1>"), text);
        assertTrue(text.matches("(?s).*at UdpViewTest\\.java:\\d+.*"), text);
    }

    /** A file that does not compile is a failed check with file:line and the source line, not a crash. */
    @Test
    void compileErrorIsAFailedCheckWithFileAndLine() throws Exception {
        CourseFixture c = CourseFixture.twoExercises(dir, 10);
        Path file = c.file("udp-flyweight", "UdpView.java");
        Files.writeString(file, Files.readString(file).replace("return u16(0);", "return u16(0)"));
        assertEquals(1, c.lab("check", "udp-flyweight"));
        String text = c.out.toString();
        assertTrue(text.matches("(?s).*exercises/udp-flyweight/UdpView\\.java:\\d+: ';' expected.*"), text);
        assertTrue(text.contains("return u16(0)"), "the offending line should be shown: " + text);
        assertEquals("0 passed, 1 failed", c.lastLine());
        assertEquals("", c.err.toString());
    }

    /** A test that hangs is stopped at the time limit and named as timed out; the others still run. */
    @Test
    void hangingTestIsNamedAsTimedOut() throws Exception {
        CourseFixture c = CourseFixture.twoExercises(dir, 1);
        Path file = c.file("udp-flyweight", "UdpView.java");
        writeBody(file, "try { Thread.sleep(20_000); } catch (InterruptedException e) { } return 0;");
        assertEquals(1, c.lab("check", "udp-flyweight"));
        String text = c.out.toString();
        assertTrue(text.matches("(?s).*TIMEOUT readsEveryFieldAsUnsignedBigEndian\\s+timed out.*"), text);
        assertEquals("0 passed, 5 failed", c.lastLine(), "every test must be reported, none may hang the check");
    }

    /** Unknown ids are usage errors: one line, exit 2. */
    @Test
    void unknownIdIsOneLineAndExitTwo() throws Exception {
        CourseFixture c = CourseFixture.twoExercises(dir, 10);
        assertEquals(2, c.lab("check", "no-such-exercise"));
        assertEquals(2, c.lab("hint", "99"));
        assertEquals(2, c.lab("reset", "nope"));
        String[] lines = c.err.toString().strip().split("\n");
        assertEquals(3, lines.length, c.err.toString());
        assertTrue(lines[0].contains("unknown exercise 'no-such-exercise'"), lines[0]);
    }

    /** An exercise needing a module the JVM was started without is an error that names the flag, not a crash. */
    @Test
    void missingModuleIsNamedWithTheFlag() throws Exception {
        CourseFixture c = CourseFixture.twoExercises(dir, 10);
        Exercise sealed = Course.at(c.root).find("sealed-state").orElseThrow();
        Exercise needy = new Exercise(sealed.id(), sealed.order(), sealed.title(), sealed.chapter(), sealed.files(), sealed.tests(),
                sealed.hint(), java.util.List.of("jdk.incubator.not.there"), 10);
        Result r = Grader.check(Course.at(c.root), needy);
        assertEquals(Result.Status.ERROR, r.status());
        assertTrue(r.message().contains("--add-modules jdk.incubator.not.there"), r.message());
    }

    /** hint prints the manifest's hint and where to read more. */
    @Test
    void hintPrintsTheHint() throws Exception {
        CourseFixture c = CourseFixture.twoExercises(dir, 10);
        assertEquals(0, c.lab("hint", "sealed-state"));
        assertTrue(c.out.toString().contains("no default"), c.out.toString());
        assertTrue(c.out.toString().contains("quizzes/03-state-machines.md"), c.out.toString());
    }

    /** --all --json writes Exercism's version-3 shape with one entry per test and the compile error as an error. */
    @Test
    void allWritesExercismJson() throws Exception {
        CourseFixture c = CourseFixture.twoExercises(dir, 10);
        c.solve("udp-flyweight", "UdpView.java");
        Path sealed = c.file("sealed-state", "RequestState.java");
        Files.writeString(sealed, Files.readString(sealed) + "\nthis does not compile\n");
        Path json = dir.resolve("results.json");
        assertEquals(1, c.lab("check", "--all", "--json", json.toString()));
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals(3, root.get("version").asInt());
        assertEquals("error", root.get("status").asText());
        assertEquals(6, root.get("tests").size());
        JsonNode first = root.get("tests").get(0);
        assertTrue(first.get("name").asText().startsWith("udp-flyweight: "), first.toString());
        assertEquals("pass", first.get("status").asText());
        assertTrue(first.has("message") && first.has("output") && first.get("task_id").asInt() == 1, first.toString());
        JsonNode compile = root.get("tests").get(5);
        assertEquals("sealed-state: compile", compile.get("name").asText());
        assertEquals("error", compile.get("status").asText());
        assertTrue(compile.get("message").asText().contains("RequestState.java:"), compile.toString());
        assertEquals("5 passed, 1 failed", c.lastLine());
    }

    /** reset asks first, keeps the student's version as a backup, and puts the starter back. */
    @Test
    void resetAsksAndKeepsABackup() throws Exception {
        CourseFixture c = CourseFixture.twoExercises(dir, 10);
        Path file = c.file("udp-flyweight", "UdpView.java");
        String starter = Files.readString(file);
        c.solve("udp-flyweight", "UdpView.java");
        String mine = Files.readString(file);
        assertEquals(0, c.labWithInput("n\n", "reset", "udp-flyweight"));
        assertEquals(mine, Files.readString(file), "answering no must leave the file alone");
        assertEquals(0, c.labWithInput("y\n", "reset", "udp-flyweight"));
        assertEquals(starter, Files.readString(file));
        try (Stream<Path> backups = Files.walk(c.root.resolve("exercises/udp-flyweight/.backup"))) {
            assertTrue(backups.filter(Files::isRegularFile).anyMatch(p -> read(p).equals(mine)), "no backup of the student's file");
        }
    }

    /** watch checks, waits for a save, checks again and moves on once the exercise passes. */
    @Test
    void watchRechecksOnSave() throws Exception {
        CourseFixture c = CourseFixture.twoExercises(dir, 10);
        int[] exit = new int[1];
        Thread watcher = Thread.ofPlatform().start(() -> exit[0] = c.lab("watch", "--max-checks", "2"));
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!c.out.toString().contains("Watching udp-flyweight") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(c.out.toString().contains("Watching udp-flyweight"), c.out.toString());
        Thread.sleep(300);
        c.solve("udp-flyweight", "UdpView.java");
        watcher.join(60_000);
        assertFalse(watcher.isAlive(), "watch did not re-check after the save");
        assertEquals(0, exit[0], c.out.toString());
        assertTrue(c.out.toString().contains("Done: udp-flyweight passes."), c.out.toString());
    }

    /** The starter with its unfinished line replaced by {@code body}. */
    private static void writeBody(Path file, String body) throws java.io.IOException {
        String starter = Files.readString(file);
        Files.writeString(file, starter.replaceFirst("throw new UnsupportedOperationException\\(.*\\);", java.util.regex.Matcher.quoteReplacement(body)));
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
