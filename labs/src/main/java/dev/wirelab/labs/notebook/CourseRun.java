package dev.wirelab.labs.notebook;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.wirelab.labs.quiz.Chapter;
import dev.wirelab.labs.quiz.QuizBank;
import dev.wirelab.labs.quiz.QuizFormatException;

/**
 * Executes the course headless, notebook by notebook, and judges each run: no cell may show
 * an error or write to stderr, and a chapter notebook must have checked every question of its
 * quiz chapter (a check that did not run is a failure even when no cell failed).
 *
 * <p>{@code lab notebook --check}, {@code lab notebook --render} and the build's notebook test
 * all go through here, so they judge the same way.
 */
public final class CourseRun {

    /** A chapter notebook's name: {@code 05-backpressure}; its quiz file is {@code quizzes/05-backpressure.md}. */
    private static final Pattern CHAPTER = Pattern.compile("(\\d\\d)-[a-z0-9-]+");

    private final Jupyter jupyter;
    private final QuizBank quizzes;
    private final Duration cellTimeout;
    private final Consumer<String> log;

    public CourseRun(Jupyter jupyter, QuizBank quizzes, Duration cellTimeout, Consumer<String> log) {
        this.jupyter = jupyter;
        this.quizzes = quizzes;
        this.cellTimeout = cellTimeout;
        this.log = log;
    }

    /** What one notebook's run came to. */
    public record Outcome(Path notebook, Path executed, Optional<String> problem, Duration took, int verdicts) {
        public boolean ok() {
            return problem.isEmpty();
        }
    }

    /** Runs one notebook; the executed copy goes to {@code outDir}. */
    public Outcome run(Path notebook, Path outDir) throws IOException {
        long start = System.nanoTime();
        Path executed = jupyter.execute(notebook, outDir, cellTimeout, log);
        Notebook result = Notebook.read(executed);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Optional<String> problem = result.firstError().map(Notebook.Problem::toString)
                .or(() -> missingChecks(result));
        return new Outcome(notebook, executed, problem, took, result.verdicts().size());
    }

    /**
     * Runs the notebooks in order and stops at the first that fails (the caller names it);
     * returns every outcome so far.
     */
    public List<Outcome> runAll(List<Path> notebooks, Path outDir) throws IOException {
        return runAll(notebooks, outDir, 1);
    }

    /**
     * Runs the notebooks on {@code jobs} kernels at once (1: one after the other). The outcomes
     * come back in notebook order, up to and including the first that failed. Running two at a
     * time shortens a check; the figures the notebooks print are then disturbed by each other,
     * which is why {@code --render} runs one at a time.
     */
    public List<Outcome> runAll(List<Path> notebooks, Path outDir, int jobs) throws IOException {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1, was " + jobs);
        }
        List<Outcome> outcomes = new ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(jobs)) {
            List<java.util.concurrent.Future<Outcome>> futures = new ArrayList<>();
            for (Path notebook : notebooks) {
                futures.add(pool.submit(() -> logged(run(notebook, outDir))));
            }
            for (java.util.concurrent.Future<Outcome> future : futures) {
                Outcome outcome = join(future);
                outcomes.add(outcome);
                if (!outcome.ok()) {
                    futures.forEach(f -> f.cancel(true));
                    break;
                }
            }
        }
        return outcomes;
    }

    private Outcome logged(Outcome outcome) {
        if (log != null) {
            log.accept(String.format("%-28s %s  %5.1f s  %d quiz checks", outcome.notebook().getFileName(),
                    outcome.ok() ? "ok  " : "FAIL", outcome.took().toMillis() / 1000.0, outcome.verdicts()));
        }
        return outcome;
    }

    private static Outcome join(java.util.concurrent.Future<Outcome> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running the notebooks", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** A chapter notebook that did not grade every question of its chapter, said in one line. */
    Optional<String> missingChecks(Notebook notebook) {
        Matcher m = CHAPTER.matcher(notebook.name());
        if (!m.matches() || !notebook.name().equals(chapterFor(m.group(1)).map(Chapter::name).orElse(""))) {
            return Optional.empty(); // 00-start-here and 14-showdown have no quiz chapter of their own
        }
        Chapter chapter = chapterFor(m.group(1)).orElseThrow();
        List<String> seen = notebook.verdicts();
        List<Integer> missing = new ArrayList<>();
        for (int q = 1; q <= chapter.questions().size(); q++) {
            String prefix = chapter.name() + " question " + q + ":";
            if (seen.stream().noneMatch(v -> v.startsWith(prefix))) {
                missing.add(q);
            }
        }
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(notebook.name() + ".ipynb: quiz questions " + missing + " of " + chapter.name()
                + " were never checked (every chapter notebook grades its whole quiz)");
    }

    private Optional<Chapter> chapterFor(String number) {
        try {
            return quizzes.chapters().stream().filter(c -> c.name().startsWith(number + "-")).findFirst();
        } catch (IOException | QuizFormatException e) {
            throw new IllegalStateException("cannot read the quizzes: " + e.getMessage(), e);
        }
    }
}
