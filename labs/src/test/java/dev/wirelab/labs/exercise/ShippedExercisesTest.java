package dev.wirelab.labs.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code lab dev check} on the shipped course: every starter fails its tests, every reference
 * solution passes them, and the manifest and the files agree. If this fails, an exercise no
 * longer bites (or its solution no longer works) and the output says which.
 */
class ShippedExercisesTest {

    @Test
    @Timeout(600)
    void everyStarterFailsAndEverySolutionPasses() throws Exception {
        Path root = CourseFixture.shipped();
        Course course = Course.at(root);
        Assumptions.assumeTrue(course.hasSolutions(),
                "no solutions/ folder: this is the student edition, which has nothing to prove here");
        CourseFixture c = CourseFixture.at(root);
        int exit = c.lab("dev", "check");
        String text = c.out.toString();
        assertEquals(0, exit, text + c.err);
        assertTrue(course.exercises().size() >= 16, "the course promises at least 16 exercises, has " + course.exercises().size());
        assertEquals(course.exercises().size() + " passed, 0 failed", c.lastLine(), text);
    }

    /** The manifest's checks: a duplicate id is refused with its name. */
    @Test
    void manifestRefusesADuplicateId(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("m.json"), """
                {"exercises": [
                  {"id": "a", "order": 1, "title": "t", "chapter": "c", "files": ["A.java"], "tests": ["t/T.java"], "hint": "h"},
                  {"id": "a", "order": 2, "title": "t", "chapter": "c", "files": ["A.java"], "tests": ["t/T.java"], "hint": "h"}
                ]}
                """);
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> Manifest.read(dir.resolve("m.json")));
        assertTrue(e.getMessage().contains("'a' is listed more than once"), e.getMessage());
    }

    /** dev check finds a folder the manifest forgot and a missing file it names. */
    @Test
    void devCheckNamesMissingFilesAndUnlistedFolders(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        CourseFixture c = CourseFixture.twoExercises(dir, 10);
        java.nio.file.Files.createDirectories(dir.resolve("exercises/stray"));
        java.nio.file.Files.delete(c.file("sealed-state", "README.md"));
        var problems = Course.at(dir).problems();
        assertTrue(problems.contains("exercises/stray is not in the manifest"), problems.toString());
        assertTrue(problems.contains("sealed-state: no README.md"), problems.toString());
    }
}
