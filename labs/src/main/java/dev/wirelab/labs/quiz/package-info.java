/**
 * The quiz engine: self-graded chapter quizzes, in the terminal ({@code lab quiz}) and in
 * notebooks ({@link dev.wirelab.labs.quiz.Quiz}).
 *
 * <p>How the files relate: {@link dev.wirelab.labs.quiz.QuizBank} finds the quiz
 * directory and a chapter in it; {@link dev.wirelab.labs.quiz.QuizParser} reads and checks
 * one file into a {@link dev.wirelab.labs.quiz.Chapter} of
 * {@link dev.wirelab.labs.quiz.Question}s (problems reported with file and line by
 * {@link dev.wirelab.labs.quiz.QuizFormatException}); a question's
 * {@link dev.wirelab.labs.quiz.AnswerKey} grades an {@link dev.wirelab.labs.quiz.Answer}
 * (read from what a person typed by {@link dev.wirelab.labs.quiz.AnswerInput}) into a
 * {@link dev.wirelab.labs.quiz.Verdict}. {@link dev.wirelab.labs.quiz.QuizSession} is the
 * terminal loop, {@link dev.wirelab.labs.quiz.ResultsLog} appends results to a file, and
 * {@link dev.wirelab.labs.quiz.StudentEdition} writes the edition whose answers are salted
 * hashes. The file format itself is specified in {@code quizzes/README.md}.
 */
package dev.wirelab.labs.quiz;
