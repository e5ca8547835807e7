package dev.wirelab.labs.quiz;

import java.util.Locale;
import java.util.TreeSet;

/**
 * What a student typed, read against one question: either an {@link Answer} or a reason it
 * cannot be one. Typing is input from a person, so a bad reply is a value with a helpful
 * message, never an exception.
 *
 * <p>Accepted: one letter ({@code b}), several separated by commas and/or spaces
 * ({@code a,c} or {@code a c}) or run together ({@code ac}), any case; for a true/false
 * question also {@code true}/{@code false}/{@code t}/{@code f}.
 */
public sealed interface AnswerInput {

    record Valid(Answer answer) implements AnswerInput {
    }

    record Invalid(String reason) implements AnswerInput {
    }

    static AnswerInput read(String typed, Question question) {
        String text = typed.strip().toLowerCase(Locale.ROOT);
        char last = question.lastLetter();
        // Phase 1: the words a true/false question also understands.
        if (question.type() == QuestionType.TRUE_FALSE) {
            switch (text) {
                case "true", "t" -> text = "a";
                case "false", "f" -> text = "b";
                default -> { }
            }
        }
        // Phase 2: collect letters, ignoring separators.
        TreeSet<Character> letters = new TreeSet<>();
        for (char c : text.toCharArray()) {
            if (c == ',' || Character.isWhitespace(c)) {
                continue;
            }
            if (c < 'a' || c > last) {
                return new Invalid("'" + c + "' is not an option; choose from a to " + last);
            }
            letters.add(c);
        }
        // Phase 3: the question type decides how many letters are allowed.
        if (letters.isEmpty()) {
            return new Invalid("type a letter from a to " + last);
        }
        if (letters.size() > 1 && question.type() != QuestionType.MULTIPLE) {
            return new Invalid("this question has one answer; type a single letter");
        }
        return new Valid(Answer.of(letters));
    }
}
