package dev.wirelab.labs.quiz;

import java.util.List;
import java.util.Optional;

/**
 * One parsed question.
 *
 * @param number      1-based position in its chapter: what {@code Quiz.ask(chapter, number)} takes
 * @param id          stable identifier from the {@code id:} line, unique within the chapter
 * @param type        single, multiple or true-false
 * @param prompt      the heading text
 * @param body        Markdown between the metadata and the options (may be empty): context, code
 * @param options     the options in file order, lettered from {@code a}
 * @param key         how the right answer is known (marks or a salted hash)
 * @param explanation the text shown after the student answers
 * @param lab         the lab command that shows the answer measured, if the question names one
 * @param line        the line of the question's heading, for messages
 */
public record Question(int number, String id, QuestionType type, String prompt, String body,
                      List<Option> options, AnswerKey key, String explanation, Optional<String> lab, int line) {

    public Question {
        options = List.copyOf(options);
    }

    /** Grades an answer. */
    public Verdict grade(Answer answer) {
        return new Verdict(this, answer, key.accepts(id, answer));
    }

    /** The last valid letter, e.g. {@code 'd'} for four options. */
    public char lastLetter() {
        return (char) ('a' + options.size() - 1);
    }
}
