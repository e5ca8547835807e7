package dev.wirelab.labs.cli;

import java.util.concurrent.Callable;

import dev.wirelab.labs.exercise.Course;
import dev.wirelab.labs.exercise.ExerciseText;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code lab list}: every exercise with its state (done, next, todo) and the progress count. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the classroom exercises: done, next, todo, and how far you are.")
public final class ListCommand implements Callable<Integer> {

    @CommandLine.Mixin
    CourseDir where = new CourseDir();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Course course = where.course();
        spec.commandLine().getOut().print(ExerciseText.list(course, course.progress()));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
