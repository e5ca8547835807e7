package dev.wirelab.labs.exercise;

import java.util.List;

/**
 * One exercise as the manifest describes it.
 *
 * @param id       short name used on the command line ({@code lab check udp-flyweight}); also the folder name
 * @param order    position in the course (1, 2, ...); {@code lab check} with no id takes the lowest unfinished
 * @param title    one line for {@code lab list}
 * @param chapter  the quiz chapter it belongs to ({@code 01-zero-copy} = {@code quizzes/01-zero-copy.md}, and the notebook of the same name)
 * @param files    the files the student edits, relative to the exercise folder
 * @param tests    the test classes' files, relative to the exercise folder (do not change)
 * @param hint     what {@code lab hint ID} prints
 * @param modules  JDK modules the exercise needs beyond the default set ({@code jdk.incubator.vector})
 * @param timeoutSeconds the time limit for each of its tests
 */
public record Exercise(String id, int order, String title, String chapter, List<String> files, List<String> tests,
                       String hint, List<String> modules, int timeoutSeconds) {

    /** Time limit when the manifest names none: enough for a socket test, short enough to spot a hang. */
    public static final int DEFAULT_TIMEOUT_SECONDS = 20;

    public Exercise {
        files = files == null ? List.of() : List.copyOf(files);
        tests = tests == null ? List.of() : List.copyOf(tests);
        modules = modules == null ? List.of() : List.copyOf(modules);
        if (timeoutSeconds <= 0) {
            timeoutSeconds = DEFAULT_TIMEOUT_SECONDS;
        }
    }

    /** The notebook of the same chapter: {@code notebooks/01-zero-copy.ipynb}. */
    public String notebook() {
        return "notebooks/" + chapter + ".ipynb";
    }
}
