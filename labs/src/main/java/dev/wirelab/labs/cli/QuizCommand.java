package dev.wirelab.labs.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import dev.wirelab.labs.quiz.Chapter;
import dev.wirelab.labs.quiz.QuizBank;
import dev.wirelab.labs.quiz.QuizFormatException;
import dev.wirelab.labs.quiz.QuizSession;
import dev.wirelab.labs.quiz.QuizText;
import dev.wirelab.labs.quiz.ResultsLog;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lab quiz [chapter]}: with no chapter, list the chapters; with one, ask its
 * questions in the terminal, grade each answer, explain it, score the chapter and append
 * the results to a file.
 */
@Command(name = "quiz", mixinStandardHelpOptions = true,
        description = {"Take a chapter quiz in the terminal; with no CHAPTER, list the chapters.",
                "Results are appended to ~/.wirelab/quiz-results.tsv (see --results)."},
        subcommands = QuizExportCommand.class)
public final class QuizCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "CHAPTER",
            description = "Chapter by name (05-backpressure), number (5) or slug (backpressure).")
    String chapter;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Quiz directory, e.g. a student edition (default: the checkout's quizzes/).")
    Path dir;

    @Option(names = "--results", paramLabel = "FILE",
            description = "Append results here (default: ~/.wirelab/quiz-results.tsv).")
    Path results;

    @Option(names = "--no-record", description = "Do not record results.")
    boolean noRecord;

    @CommandLine.ParentCommand
    LabCli lab;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        QuizBank bank = bank();
        try {
            return chapter == null ? list(bank, out) : take(bank.chapter(chapter), out, err);
        } catch (QuizFormatException e) {
            e.problems().forEach(p -> err.println("lab quiz: " + p));
            return 1;
        }
    }

    QuizBank bank() {
        return dir != null ? new QuizBank(dir) : QuizBank.locate();
    }

    private int list(QuizBank bank, PrintWriter out) throws Exception {
        List<Chapter> chapters = bank.chapters();
        out.println("Chapters in " + bank.dir() + ":");
        out.print(QuizText.chapterList(chapters));
        out.println("Take one: lab quiz 05-backpressure (or lab quiz 5)");
        return 0;
    }

    private int take(Chapter c, PrintWriter out, PrintWriter err) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(lab.in(), StandardCharsets.UTF_8));
        QuizSession.Outcome outcome = new QuizSession(c, in, out).run();
        if (!noRecord && !outcome.verdicts().isEmpty()) {
            ResultsLog log = new ResultsLog(results != null ? results : ResultsLog.defaultFile());
            log.append(c, outcome.verdicts(), Instant.now());
            out.println("Results appended to " + log.file());
        }
        if (outcome.ending() == QuizSession.Ending.INPUT_ENDED) {
            err.println("lab quiz: the input ended before the quiz did; run it again in a terminal to finish.");
            return 1;
        }
        return 0;
    }
}
