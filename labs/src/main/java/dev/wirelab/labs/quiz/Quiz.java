package dev.wirelab.labs.quiz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The quizzes from a notebook cell, or any Java code:
 *
 * <pre>{@code
 * Quiz.ask("05-backpressure", 3)          // the question as text
 * Quiz.check("05-backpressure", 3, "b")   // a Verdict: right or not, and the explanation
 * Quiz.chapters()                          // what there is
 * }</pre>
 *
 * The static methods use the shipped {@code quizzes/} (found as {@link QuizBank#locate()}
 * describes); {@link #at(Path)} reads another directory, such as a student edition, which
 * grades the same way. Errors are unchecked with a one-line message, which is what a
 * notebook cell should show: a malformed file lists file and line, an unreadable answer
 * says which letters are allowed.
 */
public final class Quiz {

    private final QuizBank bank;

    private Quiz(QuizBank bank) {
        this.bank = bank;
    }

    /** Quizzes from {@code dir} instead of the shipped ones. */
    public static Quiz at(Path dir) {
        return new Quiz(new QuizBank(dir));
    }

    /** Renders question {@code number} (from 1) of {@code chapter} ("05-backpressure", "5" or "backpressure"). */
    public static String ask(String chapter, int number) {
        return shipped().question(chapter, number);
    }

    /** Grades {@code answer} ("b", "a,c", "true") to question {@code number} of {@code chapter}. */
    public static Verdict check(String chapter, int number, String answer) {
        return shipped().grade(chapter, number, answer);
    }

    /** The chapters, one line each. */
    public static String chapters() {
        return shipped().list();
    }

    /** Instance form of {@link #ask}. */
    public String question(String chapter, int number) {
        Chapter c = load(chapter);
        return QuizText.question(c, c.question(number))
                + "\nAnswer with Quiz.check(\"" + c.name() + "\", " + number + ", \"b\") (letters for several: \"a,c\")\n";
    }

    /** Instance form of {@link #check}. */
    public Verdict grade(String chapter, int number, String answer) {
        Question q = load(chapter).question(number);
        return switch (AnswerInput.read(answer, q)) {
            case AnswerInput.Valid valid -> q.grade(valid.answer());
            case AnswerInput.Invalid invalid -> throw new IllegalArgumentException(invalid.reason());
        };
    }

    /** Instance form of {@link #chapters}. */
    public String list() {
        try {
            return QuizText.chapterList(bank.chapters());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (QuizFormatException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private Chapter load(String chapter) {
        try {
            return bank.chapter(chapter);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (QuizFormatException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static Quiz shipped() {
        return new Quiz(QuizBank.locate());
    }
}
