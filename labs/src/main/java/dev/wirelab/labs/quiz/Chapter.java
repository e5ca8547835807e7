package dev.wirelab.labs.quiz;

import java.nio.file.Path;
import java.util.List;

/**
 * One quiz file: a chapter of the course.
 *
 * @param name      the file name without {@code .md}, e.g. {@code "05-backpressure"}
 * @param title     the {@code # } heading
 * @param intro     Markdown between the title and the first question (may be empty)
 * @param file      where it was read from
 * @param questions in file order; {@code questions.get(n - 1)} is question {@code n}
 */
public record Chapter(String name, String title, String intro, Path file, List<Question> questions) {

    public Chapter {
        questions = List.copyOf(questions);
    }

    /** Question {@code number}, counting from 1 as the files and the CLI do. */
    public Question question(int number) {
        if (number < 1 || number > questions.size()) {
            throw new IllegalArgumentException(name + " has questions 1 to " + questions.size() + "; there is no question " + number);
        }
        return questions.get(number - 1);
    }

    /** Whether the answers are hashed (a student edition) rather than marked. */
    public boolean studentEdition() {
        return !questions.isEmpty() && questions.getFirst().key() instanceof AnswerKey.Hashed;
    }
}
