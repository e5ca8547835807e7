package dev.wirelab.labs.cli;

import java.io.IOException;
import java.nio.file.Path;

import dev.wirelab.labs.exercise.Course;
import dev.wirelab.labs.exercise.Exercise;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The {@code --dir ROOT} option the exercise commands share, and finding an exercise by id. */
final class CourseDir {

    @Option(names = "--dir", paramLabel = "ROOT",
            description = "The course's root, the folder that holds exercises/ (default: this checkout).")
    Path dir;

    Course course() throws IOException {
        return dir != null ? Course.at(dir) : Course.locate();
    }

    /** The exercise named {@code id} (or numbered), or a usage error: one line, exit 2. */
    static Exercise exercise(Course course, String id, CommandLine.Model.CommandSpec spec) {
        return course.find(id).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                "unknown exercise '" + id + "'; lab list shows the ids"));
    }
}
