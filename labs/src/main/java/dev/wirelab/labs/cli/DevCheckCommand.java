package dev.wirelab.labs.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.wirelab.labs.exercise.Course;
import dev.wirelab.labs.exercise.Exercise;
import dev.wirelab.labs.exercise.ExerciseText;
import dev.wirelab.labs.exercise.Grader;
import dev.wirelab.labs.exercise.Result;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code lab dev check}: the proof that every exercise bites. The manifest and the files
 * agree (each exercise once, no missing file, a README, a {@code // TODO}, tests marked "do
 * not change", a solution per file); every starter compiles and FAILS its tests; every
 * reference solution laid over its starter PASSES them. Run by a test in {@code mvnw verify}.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check every exercise: starters fail their tests, reference solutions pass them.")
public final class DevCheckCommand implements Callable<Integer> {

    @CommandLine.Mixin
    CourseDir where = new CourseDir();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Course course = where.course();
        PrintWriter out = spec.commandLine().getOut();
        if (!course.hasSolutions()) {
            throw new IllegalStateException("no solutions/ under " + course.root()
                    + ": dev check needs the instructors' edition, not the student edition");
        }
        // Phase 1: the files and the manifest agree.
        List<String> problems = new ArrayList<>(course.problems());
        problems.forEach(p -> out.println("problem: " + p));
        // Phase 2: each starter fails, each solution passes.
        int ok = 0;
        long started = System.nanoTime();
        for (Exercise e : course.exercises()) {
            long t0 = System.nanoTime();
            Result starter = Grader.check(course, e);
            Result solution = Grader.checkSolution(course, e);
            List<String> wrong = verdict(e, starter, solution);
            problems.addAll(wrong);
            ok += wrong.isEmpty() ? 1 : 0;
            out.printf("%-5s %-22s starter %d of %d pass, solution %d of %d pass  (%.1f s)%n",
                    wrong.isEmpty() ? "ok" : "BAD", e.id(), starter.passed(), starter.tests().size(),
                    solution.passed(), solution.tests().size(), (System.nanoTime() - t0) / 1e9);
            wrong.forEach(w -> out.println("      " + w.replace("\n", "\n      ")));
            out.flush();
        }
        out.printf("%d exercises in %.1f s; %d problem(s).%n", course.exercises().size(),
                (System.nanoTime() - started) / 1e9, problems.size());
        out.println(ExerciseText.counts(ok, course.exercises().size() - ok));
        return problems.isEmpty() ? 0 : 1;
    }

    private static List<String> verdict(Exercise e, Result starter, Result solution) {
        List<String> wrong = new ArrayList<>();
        if (starter.status() == Result.Status.ERROR) {
            wrong.add(e.id() + ": the starter should compile and fail its tests, but: " + starter.message());
        } else if (starter.passedAll()) {
            wrong.add(e.id() + ": the starter passes its tests, so the tests do not bite");
        }
        if (!solution.passedAll()) {
            wrong.add(e.id() + ": the reference solution does not pass:\n" + ExerciseText.report(solution).stripTrailing());
        }
        return wrong;
    }
}
