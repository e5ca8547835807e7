package dev.wirelab.labs.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import dev.wirelab.labs.exercise.Course;
import dev.wirelab.labs.exercise.ExercismJson;
import dev.wirelab.labs.exercise.Exercise;
import dev.wirelab.labs.exercise.ExerciseText;
import dev.wirelab.labs.exercise.Grader;
import dev.wirelab.labs.exercise.Progress;
import dev.wirelab.labs.exercise.Result;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lab check [ID]}: compile the student's files and run the exercise's tests in this
 * JVM, report every test, mark the exercise done when all pass and name the next one.
 * {@code --all} grades every exercise; {@code --json FILE} writes Exercism-style results.
 * The last line is always {@code N passed, N failed}; the exit code is 0 only when all passed.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Grade an exercise (default: the next unfinished one).",
                "Compiles your files and runs the exercise's tests in seconds; ends with 'N passed, N failed'."})
public final class CheckCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "ID", description = "Exercise id or number (default: the next unfinished).")
    String id;

    @Option(names = "--all", description = "Grade every exercise.")
    boolean all;

    @Option(names = "--json", paramLabel = "FILE",
            description = "Also write the results as Exercism test-runner JSON (version 3) to FILE.")
    Path json;

    @CommandLine.Mixin
    CourseDir where = new CourseDir();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (all && id != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give either an exercise ID or --all, not both");
        }
        Course course = where.course();
        Progress progress = course.progress();
        PrintWriter out = spec.commandLine().getOut();
        List<Exercise> chosen = new ArrayList<>();
        if (all) {
            chosen.addAll(course.exercises());
        } else if (id != null) {
            chosen.add(CourseDir.exercise(course, id, spec));
        } else {
            Optional<Exercise> next = course.next(progress);
            if (next.isEmpty()) {
                out.println("Every exercise is done. Check one again with lab check ID, or all with lab check --all.");
                out.println(ExerciseText.counts(0, 0));
                return 0;
            }
            chosen.add(next.get());
        }
        List<Result> results = new ArrayList<>();
        for (Exercise e : chosen) {
            results.add(checkOne(course, progress, e, out, !all));
        }
        if (json != null) {
            ExercismJson.write(json, course, results);
            out.println("Wrote " + json);
        }
        if (all) {
            long done = results.stream().filter(Result::passedAll).count();
            out.println("Exercises passing: " + done + " of " + results.size());
        }
        long passed = results.stream().mapToLong(Result::passed).sum();
        long failed = results.stream().mapToLong(Result::failed).sum();
        out.println(ExerciseText.counts(passed, failed));
        return failed == 0 ? 0 : 1;
    }

    /** Grades one exercise, prints its report, records the verdict, and says what to do next. */
    static Result checkOne(Course course, Progress progress, Exercise e, PrintWriter out, boolean guide) throws Exception {
        out.println(ExerciseText.heading(course, e));
        out.flush();
        long started = System.nanoTime();
        Result r = Grader.check(course, e);
        String took = String.format(java.util.Locale.ROOT, " (%.1f s)", (System.nanoTime() - started) / 1e9);
        out.print(ExerciseText.report(r));
        // A JVM without the exercise's module could not check it: that says nothing about the student's work.
        boolean notChecked = r.tests().isEmpty() && r.message() != null && r.message().startsWith(Grader.NEEDS_MODULE);
        if (!notChecked) {
            progress.set(e.id(), r.passedAll());
        }
        if (guide) {
            if (r.passedAll()) {
                out.print("Done: " + e.id() + " passes. ");
                course.next(progress).ifPresentOrElse(
                        n -> out.println("Next: lab check " + n.id() + " (" + n.title() + ")"),
                        () -> out.println("That was the last one: every exercise is done."));
            } else if (notChecked) {
                out.println("Not checked: start the lab with that option, then check again.");
            } else {
                out.println("Not yet: edit " + ExerciseText.files(course, e) + ". Stuck? lab hint " + e.id());
            }
        } else {
            out.println((r.passedAll() ? "  -> pass" : "  -> " + r.status().word() + " (" + r.passed() + " passed, " + r.failed() + " failed)") + took);
        }
        out.flush();
        return r;
    }
}
