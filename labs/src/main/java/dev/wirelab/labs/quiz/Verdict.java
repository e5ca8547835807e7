package dev.wirelab.labs.quiz;

import java.util.Optional;

/**
 * The grade of one answer, with what the student should read next.
 *
 * @param question the question answered
 * @param answer   what the student selected
 * @param correct  whether it was exactly the right set of options (multiple choice is all or nothing)
 */
public record Verdict(Question question, Answer answer, boolean correct) {

    /** The explanation the quiz file gives for this question. */
    public String explanation() {
        return question.explanation();
    }

    /**
     * The right answer, when it can be told: always after a correct answer, and after a wrong
     * one only when grading from the teacher edition (a student edition keeps only a hash).
     */
    public Optional<Answer> rightAnswer() {
        return correct ? Optional.of(answer) : question.key().revealed();
    }

    /** What a terminal or a notebook shows: the verdict, the right answer if known, the explanation. */
    public String render() {
        StringBuilder text = new StringBuilder();
        if (correct) {
            text.append("Correct.");
        } else {
            text.append("Not quite: you chose ").append(answer).append('.');
            rightAnswer().ifPresent(right -> text.append(" The answer is ").append(right).append('.'));
        }
        text.append("\n\n").append(explanation());
        question.lab().ifPresent(cmd -> text.append("\n\nSee it measured: ").append(cmd));
        return text.toString();
    }

    @Override
    public String toString() {
        return render();
    }
}
