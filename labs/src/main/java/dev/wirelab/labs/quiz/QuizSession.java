package dev.wirelab.labs.quiz;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One interactive run through a chapter in the terminal: ask, read a reply, grade, explain,
 * and at the end print the score.
 *
 * <p>A reply that is not an answer ({@code z}, or {@code a,c} on a single-choice question)
 * gets one line saying why, and the question is asked again. {@code q} stops early; so does
 * the end of the input. Either way the questions answered so far are scored.
 */
public final class QuizSession {

    /** How a session ended and what was answered. */
    public record Outcome(Chapter chapter, List<Verdict> verdicts, Ending ending) {
        public Outcome {
            verdicts = List.copyOf(verdicts);
        }

        public long score() {
            return verdicts.stream().filter(Verdict::correct).count();
        }
    }

    /** Why the session stopped. */
    public enum Ending { FINISHED, QUIT, INPUT_ENDED }

    private final Chapter chapter;
    private final BufferedReader in;
    private final PrintWriter out;

    public QuizSession(Chapter chapter, BufferedReader in, PrintWriter out) {
        this.chapter = chapter;
        this.in = in;
        this.out = out;
    }

    public Outcome run() throws IOException {
        out.printf("%s · %s · %d questions%n", chapter.name(), chapter.title(), chapter.questions().size());
        out.println("Answer with a letter (b), or letters for several (a,c); q quits.");
        List<Verdict> verdicts = new ArrayList<>();
        for (Question q : chapter.questions()) {
            out.println();
            out.print(QuizText.question(chapter, q));
            AnswerInput.Valid reply;
            try {
                reply = readAnswer(q);
            } catch (Stop stop) {
                return finish(verdicts, stop.ending);
            }
            Verdict verdict = q.grade(reply.answer());
            verdicts.add(verdict);
            out.println(verdict.render());
        }
        return finish(verdicts, Ending.FINISHED);
    }

    /** Asks until the reply is a valid answer; throws {@link Stop} on {@code q} or end of input. */
    private AnswerInput.Valid readAnswer(Question q) throws IOException, Stop {
        while (true) {
            out.print("your answer> ");
            out.flush();
            String line = in.readLine();
            if (line == null) {
                out.println();
                throw new Stop(Ending.INPUT_ENDED);
            }
            String typed = line.strip().toLowerCase(Locale.ROOT);
            if (typed.equals("q") || typed.equals("quit")) {
                throw new Stop(Ending.QUIT);
            }
            switch (AnswerInput.read(typed, q)) {
                case AnswerInput.Valid valid -> {
                    return valid;
                }
                case AnswerInput.Invalid invalid -> out.println(invalid.reason() + ".");
            }
        }
    }

    private Outcome finish(List<Verdict> verdicts, Ending ending) {
        Outcome outcome = new Outcome(chapter, verdicts, ending);
        int total = chapter.questions().size();
        out.println();
        switch (ending) {
            case FINISHED -> out.printf("Score: %d/%d (%d%%)%n", outcome.score(), total, percent(outcome.score(), total));
            case QUIT, INPUT_ENDED -> out.printf("Stopped after %d of %d questions. Score so far: %d/%d.%n",
                    verdicts.size(), total, outcome.score(), verdicts.size());
        }
        return outcome;
    }

    private static long percent(long score, int total) {
        return Math.round(100.0 * score / total);
    }

    /** Control flow out of the reading loop: the student quit or the input ended. */
    private static final class Stop extends Exception {
        final Ending ending;

        Stop(Ending ending) {
            super(null, null, false, false);
            this.ending = ending;
        }
    }
}
