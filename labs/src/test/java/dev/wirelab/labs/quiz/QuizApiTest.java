package dev.wirelab.labs.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The notebook API and how the engine finds the quizzes. */
class QuizApiTest {

    /** The example from quizzes/README.md, against the shipped files. */
    @Test
    void askRendersAShippedQuestionWithHowToAnswer() {
        assertEquals("""
                Question 3 of 9 · single choice: pick one
                A producer uses an `ArrayBlockingQueue` that is full. Which call makes the producer wait until a consumer takes an element?

                  a) `offer(e)`
                  b) `put(e)`
                  c) `add(e)`
                  d) `offer(e, 0, TimeUnit.SECONDS)`

                Answer with Quiz.check("05-backpressure", 3, "b") (letters for several: "a,c")
                """, Quiz.ask("05-backpressure", 3));
    }

    @Test
    void checkGradesAndExplains() {
        assumeTeacherEdition();
        Verdict right = Quiz.check("05-backpressure", 3, "b");
        assertTrue(right.correct());
        assertTrue(right.explanation().startsWith("`put` blocks"), right.explanation());
        Verdict wrong = Quiz.check("backpressure", 3, "a");
        assertFalse(wrong.correct());
        assertEquals(Optional.of(Answer.of(java.util.List.of('b'))), wrong.rightAnswer());
    }

    @Test
    void chaptersCanBeNamedByNumberOrSlug() {
        assertEquals(Quiz.ask("05-backpressure", 1), Quiz.ask("5", 1));
        assertEquals(Quiz.ask("05-backpressure", 1), Quiz.ask("05", 1));
        assertEquals(Quiz.ask("05-backpressure", 1), Quiz.ask("backpressure", 1));
    }

    /** Mistakes in a notebook cell get one clear message, not a stack of wrapped exceptions. */
    @Test
    void badRequestsSayWhatIsAllowed() {
        assertEquals("'z' is not an option; choose from a to d",
                assertThrows(IllegalArgumentException.class, () -> Quiz.check("05-backpressure", 3, "z")).getMessage());
        assertEquals("05-backpressure has questions 1 to 9; there is no question 10",
                assertThrows(IllegalArgumentException.class, () -> Quiz.ask("05-backpressure", 10)).getMessage());
        String unknown = assertThrows(IllegalArgumentException.class, () -> Quiz.ask("99-nothing", 1)).getMessage();
        assertTrue(unknown.startsWith("no chapter '99-nothing' in ") && unknown.endsWith("; chapters: 01-zero-copy, "
                + "02-typestate, 03-state-machines, 04-pools, 05-backpressure, 06-metrics, 07-work-stealing, 08-simd, "
                + "09-selector, 10-async, 11-actors, 12-os-tuning, 13-profiling"), unknown);
    }

    @Test
    void chaptersListsEveryChapterWithItsQuestionCount() {
        assumeTeacherEdition();
        String list = Quiz.chapters();
        assertEquals(13, list.lines().count());
        assertTrue(list.lines().anyMatch(l -> l.matches("  05-backpressure +Backpressure +9 questions")), list);
    }

    /** Quiz.at reads a student edition and grades from its hashes. */
    @Test
    void gradesFromAStudentEditionDirectory(@TempDir Path dir) throws Exception {
        Chapter teacher = QuizBank.locate().chapter("05-backpressure");
        Files.writeString(dir.resolve("05-backpressure.md"), StudentEdition.write(teacher, new SecureRandom()));
        Quiz student = Quiz.at(dir);
        assertTrue(student.grade("5", 3, "b").correct());
        Verdict wrong = student.grade("5", 3, "c");
        assertFalse(wrong.correct());
        assertEquals(Optional.empty(), wrong.rightAnswer());
    }

    /** Without -Dwirelab.root the engine walks up to the directory holding pom.xml and quizzes/. */
    @Test
    void findsQuizzesUpwardBesideAPom(@TempDir Path root) throws Exception {
        Path deep = Files.createDirectories(root.resolve("notebooks/chapter"));
        Files.createDirectories(root.resolve("quizzes"));
        assertEquals(Optional.empty(), QuizBank.findUpward(deep), "quizzes/ without a pom.xml beside it is not the checkout");
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        assertEquals(Optional.of(root.resolve("quizzes")), QuizBank.findUpward(deep));
    }

    /** The ./lab script's -Dwirelab.root wins over searching, and a wrong root is one clear error. */
    @Test
    void wirelabRootPropertyNamesTheCheckout(@TempDir Path root) throws Exception {
        String before = System.getProperty(QuizBank.ROOT_PROPERTY);
        try {
            System.setProperty(QuizBank.ROOT_PROPERTY, root.toString());
            IllegalStateException e = assertThrows(IllegalStateException.class, QuizBank::locate);
            assertEquals("wirelab.root=" + root + " has no quizzes/ directory; point it at the wirelab checkout", e.getMessage());
            Files.createDirectories(root.resolve("quizzes"));
            assertEquals(root.resolve("quizzes"), QuizBank.locate().dir());
        } finally {
            if (before == null) {
                System.clearProperty(QuizBank.ROOT_PROPERTY);
            } else {
                System.setProperty(QuizBank.ROOT_PROPERTY, before);
            }
        }
    }

    /** The student edition (lab export-student) hashes the answers: these expectations are the teacher's. */
    private static void assumeTeacherEdition() {
        Path root = QuizBank.findUpward(Path.of("").toAbsolutePath()).orElseThrow().getParent();
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(root.resolve("solutions")),
                "no solutions/ folder: this is the student edition, whose quizzes are hashed on purpose");
    }
}
