package dev.wirelab.labs.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading what a student typed, grading it, and what the verdict says. */
class GradingTest {

    private static final Chapter CHAPTER;

    static {
        try {
            CHAPTER = QuizParser.parse(Path.of("01-sample.md"), """
                    # Sample

                    ## What is one plus one?
                    id: single-q
                    type: single

                    - [ ] 1
                    - [x] 2
                    - [ ] 3
                    - [ ] 4

                    > One and one make two.

                    ## Which are even?
                    id: multiple-q
                    type: multiple
                    lab: ./lab tour

                    - [x] 2
                    - [ ] 3
                    - [x] 4

                    > 2 and 4 are divisible by two.

                    ## Zero is even.
                    id: tf-q
                    type: true-false

                    - [x] True
                    - [ ] False

                    > 0 = 2 × 0.
                    """);
        } catch (QuizFormatException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** What was typed at which question, and the answer or the message it must produce. */
    record Typed(int question, String input, String expected) {
        @Override
        public String toString() {
            return "q" + question + " '" + input + "'";
        }
    }

    static Stream<Typed> inputs() {
        return Stream.of(
                new Typed(1, "b", "b"),
                new Typed(1, "  B ", "b"),
                new Typed(1, "a,c", "invalid: this question has one answer; type a single letter"),
                new Typed(1, "e", "invalid: 'e' is not an option; choose from a to d"),
                new Typed(1, "1", "invalid: '1' is not an option; choose from a to d"),
                new Typed(1, "", "invalid: type a letter from a to d"),
                new Typed(1, " , ", "invalid: type a letter from a to d"),
                new Typed(2, "a,c", "ac"),
                new Typed(2, "c a", "ac"),
                new Typed(2, "CA", "ac"),
                new Typed(2, "a, a", "a"),
                new Typed(2, "a,,c", "ac"),
                new Typed(2, "a,d", "invalid: 'd' is not an option; choose from a to c"),
                new Typed(3, "true", "a"),
                new Typed(3, "F", "b"),
                new Typed(3, "b", "b"),
                new Typed(3, "c", "invalid: 'c' is not an option; choose from a to b"),
                new Typed(3, "a b", "invalid: this question has one answer; type a single letter"));
    }

    /** Letters in any case, order and separation read as one canonical answer; anything else says why not. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void readsWhatTheStudentTyped(Typed t) {
        String result = switch (AnswerInput.read(t.input(), CHAPTER.question(t.question()))) {
            case AnswerInput.Valid v -> v.answer().canonical();
            case AnswerInput.Invalid i -> "invalid: " + i.reason();
        };
        assertEquals(t.expected(), result);
    }

    /** Multiple choice is all or nothing: a subset or a superset of the right options is wrong. */
    @Test
    void multipleChoiceIsGradedAllOrNothing() {
        Question q = CHAPTER.question(2);
        assertTrue(q.grade(answer('a', 'c')).correct());
        assertFalse(q.grade(answer('a')).correct());
        assertFalse(q.grade(answer('a', 'b', 'c')).correct());
        assertFalse(q.grade(answer('b')).correct());
    }

    @Test
    void aRightAnswerSaysSoAndExplains() {
        assertEquals("Correct.\n\nOne and one make two.", CHAPTER.question(1).grade(answer('b')).render());
    }

    /** The teacher edition names the right answer after a wrong one, and the lab command when there is one. */
    @Test
    void aWrongAnswerNamesTheRightOneAndTheLabCommand() {
        assertEquals("Not quite: you chose a, b. The answer is a, c.\n\n2 and 4 are divisible by two.\n\n"
                + "See it measured: ./lab tour", CHAPTER.question(2).grade(answer('a', 'b')).render());
    }

    @Test
    void questionsRenderWithTheirNumberTypeAndLetteredOptions() {
        assertEquals("""
                Question 2 of 3 · multiple choice: pick every correct option
                Which are even?

                  a) 2
                  b) 3
                  c) 4
                """, QuizText.question(CHAPTER, CHAPTER.question(2)));
    }

    @Test
    void answersHaveOneCanonicalSpelling() {
        assertEquals(answer('a', 'c'), answer('c', 'a', 'c'));
        assertEquals("ac", answer('c', 'a').canonical());
        assertEquals("a, c", answer('c', 'a').toString());
    }

    static Answer answer(Character... letters) {
        return Answer.of(List.of(letters));
    }

    static Chapter sample() {
        return CHAPTER;
    }
}
