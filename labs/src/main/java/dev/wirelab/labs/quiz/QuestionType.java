package dev.wirelab.labs.quiz;

import java.util.Optional;

/** The three kinds of question a quiz file may hold, by the word used on its {@code type:} line. */
public enum QuestionType {
    /** Exactly one option is correct; the student picks one letter. */
    SINGLE("single", "single choice: pick one"),
    /** One or more options are correct; the student picks every correct one, and only those. */
    MULTIPLE("multiple", "multiple choice: pick every correct option"),
    /** Two options, {@code True} and {@code False}, exactly one correct. */
    TRUE_FALSE("true-false", "true or false");

    private final String word;
    private final String instruction;

    QuestionType(String word, String instruction) {
        this.word = word;
        this.instruction = instruction;
    }

    /** The spelling on a {@code type:} line. */
    public String word() {
        return word;
    }

    /** What the student is asked to do, e.g. "multiple choice: pick every correct option". */
    public String instruction() {
        return instruction;
    }

    /** The type a {@code type:} line names, if any. */
    public static Optional<QuestionType> fromWord(String word) {
        for (QuestionType t : values()) {
            if (t.word.equals(word)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
