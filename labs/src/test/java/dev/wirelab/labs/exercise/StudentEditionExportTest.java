package dev.wirelab.labs.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code lab export-student}: no solution text anywhere in it, hashed quizzes, and the grader works inside it. */
@Timeout(300)
class StudentEditionExportTest {

    /** Every solution file's first comment starts with this (split here so this file does not contain it). */
    private static final String MARKER = "Reference solution" + " for ";

    @TempDir
    Path dir;

    @Test
    void exportLeavesOutSolutionsAndStillGrades() throws Exception {
        Path shipped = CourseFixture.shipped();
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(shipped.resolve("solutions")),
                "no solutions/ folder: this already is the student edition");
        Path edition = dir.resolve("edition");
        CourseFixture teacher = CourseFixture.at(shipped);
        assertEquals(0, teacher.lab("export-student", edition.toString()), teacher.err.toString());

        // No solutions folder, and no line that exists only in a solution appears in any file.
        assertFalse(Files.exists(edition.resolve("solutions")));
        Set<String> secret = solutionOnlyLines(Course.at(shipped));
        assertTrue(secret.size() > 50, "too few solution lines to make the check meaningful: " + secret.size());
        List<String> leaks = new ArrayList<>();
        try (Stream<Path> files = Files.walk(edition)) {
            // The manifest is left out: its hints point at the solution on purpose (lab hint shows them).
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.endsWith("exercises/manifest.json")).toList()) {
                String text = readOrEmpty(f);
                Set<String> lines = new HashSet<>(text.lines().map(String::strip).toList());
                if (text.contains(MARKER)) {
                    leaks.add(edition.relativize(f) + ": " + MARKER);
                }
                secret.stream().filter(lines::contains).findFirst().ifPresent(l -> leaks.add(edition.relativize(f) + ": " + l));
            }
        }
        assertEquals(List.of(), leaks);

        // The quizzes are the hashed student edition.
        String quiz = Files.readString(edition.resolve("quizzes/05-backpressure.md"));
        assertTrue(quiz.contains("key: "), "no hashed key lines");
        assertFalse(quiz.contains("- [x]"), "an answer mark survived");

        // list and check work inside it.
        CourseFixture student = CourseFixture.at(edition);
        assertEquals(0, student.lab("list"));
        assertTrue(student.out.toString().contains("Progress: 0 of"), student.out.toString());
        assertEquals(1, student.lab("check", "sealed-state"));
        assertEquals("0 passed, 6 failed", student.lastLine());
        Files.copy(shipped.resolve("solutions/sealed-state/RequestState.java"), edition.resolve("exercises/sealed-state/RequestState.java"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertEquals(0, student.lab("check", "sealed-state"));
        assertEquals("6 passed, 0 failed", student.lastLine());
    }

    /** Refuses a folder that has files in it. */
    @Test
    void refusesANonEmptyFolder() throws Exception {
        Files.writeString(dir.resolve("keep.txt"), "mine");
        CourseFixture teacher = CourseFixture.at(CourseFixture.shipped());
        assertEquals(2, teacher.lab("export-student", dir.toString()));
        assertTrue(teacher.err.toString().contains("not an empty directory"), teacher.err.toString());
    }

    /**
     * Trimmed lines of each solution file that neither its starter nor its tests have, nor any
     * of the lab's own sources (a line such as {@code } catch (IOException e) {} says nothing).
     */
    private static Set<String> solutionOnlyLines(Course course) throws IOException {
        Set<String> common = new HashSet<>();
        try (Stream<Path> sources = Files.walk(course.root())) {
            for (Path f : sources.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().contains("/src/") || p.toString().contains("/test/"))
                    .filter(p -> !p.toString().contains("/target/")).toList()) {
                Files.readAllLines(f).forEach(l -> common.add(l.strip()));
            }
        }
        Set<String> lines = new HashSet<>();
        for (Exercise e : course.exercises()) {
            for (String f : e.files()) {
                Set<String> starter = new HashSet<>(Files.readAllLines(course.dir(e).resolve(f)).stream().map(String::strip).toList());
                for (String line : Files.readAllLines(course.solutionDir(e).resolve(f))) {
                    String s = line.strip();
                    if (s.length() >= 20 && !starter.contains(s) && !common.contains(s) && !s.startsWith("import ")) {
                        lines.add(s);
                    }
                }
            }
        }
        return lines;
    }

    private static String readOrEmpty(Path f) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException notText) {
            return "";
        }
    }
}
