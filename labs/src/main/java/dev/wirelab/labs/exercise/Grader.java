package dev.wirelab.labs.exercise;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.wirelab.labs.exercise.Result.Status;

/**
 * Grades one exercise: compile its files and tests, run the tests, report.
 *
 * <p>The files graded are the student's ({@link #check}) or, for {@code lab dev check}, the
 * reference solution laid over the starter ({@link #checkSolution}): each solution file
 * replaces the starter file of the same name, and the tests stay the exercise's own.
 */
public final class Grader {

    /** How the result of an exercise the JVM lacks a module for begins. */
    public static final String NEEDS_MODULE = "this exercise needs the JVM started with --add-modules ";

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

    private Grader() {
    }

    /** Grades the student's files in {@code exercises/<id>/}. */
    public static Result check(Course course, Exercise e) throws IOException {
        return grade(course, e, course.dir(e));
    }

    /** Grades the reference solution in {@code solutions/<id>/} against the exercise's tests. */
    public static Result checkSolution(Course course, Exercise e) throws IOException {
        return grade(course, e, course.solutionDir(e));
    }

    private static Result grade(Course course, Exercise e, Path filesDir) throws IOException {
        // Phase 1: an incubator module the JVM was started without cannot be added later; say so.
        for (String module : e.modules()) {
            if (ModuleLayer.boot().findModule(module).isEmpty()) {
                return new Result(e.id(), Status.ERROR, NEEDS_MODULE + module
                        + " (./lab does that; in an IDE add it to the run configuration's VM options)", List.of());
            }
        }
        List<Path> sources = new ArrayList<>();
        for (String f : e.files()) {
            sources.add(filesDir.resolve(f));
        }
        List<String> testClasses = new ArrayList<>();
        for (String t : e.tests()) {
            Path test = course.dir(e).resolve(t);
            sources.add(test);
            testClasses.add(className(test));
        }
        Path out = Files.createTempDirectory("wirelab-exercise-");
        try {
            // Phase 2: compile; errors are the student's to fix, so they are a result, not an exception.
            List<ExerciseCompiler.Problem> problems = ExerciseCompiler.compile(sources, out, e.modules());
            if (!problems.isEmpty()) {
                String message = problems.stream().map(p -> p.render(course.root()))
                        .collect(Collectors.joining("\n"));
                return new Result(e.id(), Status.ERROR, message, List.of());
            }
            // Phase 3: run the tests in a fresh class loader, each with a time limit.
            List<Result.TestOutcome> outcomes;
            try {
                outcomes = TestRun.run(out, testClasses, compiledClasses(out),
                        Duration.ofSeconds(e.timeoutSeconds()));
            } catch (Exception | LinkageError ex) {
                return new Result(e.id(), Status.ERROR, "the tests could not run: " + ex, List.of());
            }
            if (outcomes.isEmpty()) {
                return new Result(e.id(), Status.ERROR, "no test ran", List.of());
            }
            boolean all = outcomes.stream().allMatch(o -> o.status() == Status.PASS);
            return new Result(e.id(), all ? Status.PASS : Status.FAIL, null, outcomes);
        } finally {
            deleteTree(out);
        }
    }

    /** {@code exercises.udp.UdpViewTest} from the file's package line and name. */
    static String className(Path source) throws IOException {
        String text = Files.readString(source, StandardCharsets.UTF_8);
        String simple = source.getFileName().toString().replaceFirst("\\.java$", "");
        Matcher m = PACKAGE.matcher(text);
        return m.find() ? m.group(1) + "." + simple : simple;
    }

    private static Set<String> compiledClasses(Path out) throws IOException {
        try (Stream<Path> files = Files.walk(out)) {
            Set<String> names = new HashSet<>();
            files.filter(p -> p.toString().endsWith(".class")).forEach(p -> {
                String rel = out.relativize(p).toString().replace('/', '.').replace('\\', '.');
                names.add(rel.substring(0, rel.length() - ".class".length()).split("\\$")[0]);
            });
            return names;
        }
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A temp directory left behind is harmless.
        }
    }
}
