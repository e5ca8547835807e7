package dev.wirelab.labs.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import dev.wirelab.labs.exercise.Course;
import dev.wirelab.labs.exercise.Exercise;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code lab hint ID}: the exercise's hint, and where to read more. */
@Command(name = "hint", mixinStandardHelpOptions = true, description = "Show the hint for an exercise.")
public final class HintCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ID", description = "Exercise id (lab list shows them) or number.")
    String id;

    @CommandLine.Mixin
    CourseDir where = new CourseDir();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Course course = where.course();
        Exercise e = CourseDir.exercise(course, id, spec);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Hint for " + e.id() + " (" + e.title() + "):");
        out.println();
        e.hint().lines().forEach(l -> out.println("  " + l));
        out.println();
        out.println("More: exercises/" + e.id() + "/README.md, quizzes/" + e.chapter() + ".md, " + e.notebook());
        return 0;
    }
}
