package dev.wirelab.labs.quiz;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A quiz file that does not follow the format: every problem found, each with file and line,
 * so an author fixes them all in one pass.
 */
public final class QuizFormatException extends Exception {

    /** One problem: {@code quizzes/05-backpressure.md:42: question 'bp-put' has no explanation}. */
    public record Problem(Path file, int line, String message) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + message;
        }
    }

    private final transient List<Problem> problems;

    public QuizFormatException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
