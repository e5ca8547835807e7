package dev.wirelab.labs.quiz;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage-guided fuzzing of {@link QuizParser}: a quiz file is author input, and an author's
 * typo must come back as a list of problems with line numbers, never as a stack trace.
 *
 * <p>The invariants: the parser either returns a {@link Chapter} or throws one
 * {@link QuizFormatException} (anything else fails the test); an exception lists at least one
 * problem, each on a line that exists (1 to the line count, or 1 for an empty file); a
 * chapter has a title, at least one question, questions numbered 1..n, each with 2 to
 * {@value QuizParser#MAX_OPTIONS} options lettered from 'a'. Seeds:
 * {@code src/test/resources/dev/wirelab/labs/quiz/QuizParserFuzzTestInputs/anyQuizText/}
 * (one shipped chapter and broken variants of it); {@code JAZZER_FUZZ=1} fuzzes from them.
 */
class QuizParserFuzzTest {

    private static final Path FILE = Path.of("01-fuzz.md");

    @FuzzTest(maxDuration = "60s")
    void anyQuizText(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        long lines = Math.max(1, text.lines().count());
        try {
            Chapter chapter = QuizParser.parse(FILE, text);
            isWellFormed(chapter);
        } catch (QuizFormatException e) {
            assertFalse(e.problems().isEmpty(), "an exception without problems");
            for (QuizFormatException.Problem problem : e.problems()) {
                assertTrue(problem.line() >= 1 && problem.line() <= lines + 1, problem::toString);
                assertEquals(FILE, problem.file());
                assertFalse(problem.message().isBlank(), "a problem without a message");
            }
        }
    }

    private static void isWellFormed(Chapter chapter) {
        assertFalse(chapter.questions().isEmpty(), "a chapter without questions");
        for (int n = 1; n <= chapter.questions().size(); n++) {
            Question question = chapter.question(n);
            assertEquals(n, question.number());
            int options = question.options().size();
            assertTrue(options >= 2 && options <= QuizParser.MAX_OPTIONS, question.id() + " has " + options + " options");
            for (int i = 0; i < options; i++) {
                assertEquals((char) ('a' + i), question.options().get(i).letter());
            }
        }
    }
}
