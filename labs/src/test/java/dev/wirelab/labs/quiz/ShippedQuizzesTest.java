package dev.wirelab.labs.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real quiz files in the checkout's {@code quizzes/}: every one parses, validates and covers the course. */
class ShippedQuizzesTest {

    private static List<Chapter> chapters;

    @BeforeAll
    static void loadEveryShippedQuiz() throws Exception {
        Path dir = QuizBank.findUpward(Path.of("").toAbsolutePath())
                .orElseThrow(() -> new AssertionError("no quizzes/ above " + Path.of("").toAbsolutePath()));
        // Throws QuizFormatException listing file:line for every problem in every file.
        chapters = new QuizBank(dir).chapters();
    }

    /** The course has one quiz per chapter, for every technique it teaches, in this order. */
    @Test
    void everyTechniqueOfTheCourseHasAChapter() {
        assertEquals(List.of("01-zero-copy", "02-typestate", "03-state-machines", "04-pools", "05-backpressure",
                "06-metrics", "07-work-stealing", "08-simd", "09-selector", "10-async", "11-actors",
                "12-os-tuning", "13-profiling"), chapters.stream().map(Chapter::name).toList());
    }

    @Test
    void everyChapterHasAtLeastEightQuestions() {
        for (Chapter c : chapters) {
            assertTrue(c.questions().size() >= 8, c.name() + " has " + c.questions().size() + " questions");
        }
    }

    /** The shipped files are the teacher edition: every question knows its answer in the clear. */
    @Test
    void shippedFilesAreTheTeacherEdition() {
        // lab export-student hands out hashed quizzes and no solutions/: there this rule does not apply.
        Path root = QuizBank.findUpward(Path.of("").toAbsolutePath()).orElseThrow().getParent();
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(root.resolve("solutions")),
                "no solutions/ folder: this is the student edition, whose quizzes are hashed on purpose");
        for (Chapter c : chapters) {
            assertFalse(c.studentEdition(), c.name());
            c.questions().forEach(q -> assertTrue(q.key().revealed().isPresent(), c.name() + " " + q.id()));
        }
    }

    /** Ids are unique course-wide (not only per file), so a results line names one question. */
    @Test
    void questionIdsAreUniqueAcrossTheCourse() {
        Map<String, String> seen = new HashMap<>();
        for (Chapter c : chapters) {
            for (Question q : c.questions()) {
                String before = seen.put(q.id(), c.name());
                assertEquals(null, before, "id " + q.id() + " is in both " + before + " and " + c.name());
            }
        }
    }

    /** Several questions in most chapters make the student predict a measurement, and name the command. */
    @Test
    void predictionQuestionsNameTheCommandThatMeasures() {
        List<Question> predictions = chapters.stream().flatMap(c -> c.questions().stream())
                .filter(q -> q.lab().isPresent()).toList();
        assertTrue(predictions.size() >= 10, "only " + predictions.size() + " prediction questions");
        for (Question q : predictions) {
            String cmd = q.lab().orElseThrow();
            assertTrue(cmd.startsWith("./lab ") || cmd.startsWith("perf "), q.id() + ": " + cmd);
        }
        Set<String> commands = predictions.stream().map(q -> q.lab().orElseThrow()).collect(Collectors.toSet());
        assertTrue(commands.containsAll(Set.of("./lab tour", "./lab bench simd", "./lab experiment sched")), commands.toString());
    }

    /** All three question types occur, and no question offers the same option twice. */
    @Test
    void questionsUseEveryTypeAndDistinctOptions() {
        Set<QuestionType> types = new HashSet<>();
        for (Chapter c : chapters) {
            for (Question q : c.questions()) {
                types.add(q.type());
                Set<String> texts = q.options().stream().map(Option::text).collect(Collectors.toSet());
                assertEquals(q.options().size(), texts.size(), c.name() + " " + q.id() + " repeats an option");
            }
        }
        assertEquals(Set.of(QuestionType.values()), types);
    }

    /** The example in quizzes/README.md and the Quiz javadoc works on the shipped files. */
    @Test
    void readmeExampleQuestionExists() {
        Chapter backpressure = chapters.get(4);
        Question third = backpressure.question(3);
        assertEquals("bp-put-full", third.id());
        assertTrue(third.grade(Answer.of(List.of('b'))).correct());
    }
}
