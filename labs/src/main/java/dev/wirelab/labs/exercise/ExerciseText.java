package dev.wirelab.labs.exercise;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How exercises and results read in the terminal: {@code lab list}'s table and
 * {@code lab check}'s report, which always ends with the plain line {@code N passed, N failed}.
 */
public final class ExerciseText {

    private ExerciseText() {
    }

    /** One line per exercise with its state (done, next, todo), then the progress count. */
    public static String list(Course course, Progress progress) {
        StringBuilder s = new StringBuilder();
        Optional<Exercise> next = course.next(progress);
        int width = course.exercises().stream().mapToInt(e -> e.id().length()).max().orElse(10);
        for (Exercise e : course.exercises()) {
            String state = progress.isDone(e.id()) ? "done" : next.filter(n -> n.id().equals(e.id())).isPresent() ? "next" : "todo";
            s.append(String.format("%2d  %-4s  %-" + width + "s  %s  [%s]%n", e.order(), state, e.id(), e.title(), e.chapter()));
        }
        long done = course.exercises().stream().filter(e -> progress.isDone(e.id())).count();
        s.append(String.format("%nProgress: %d of %d done.", done, course.exercises().size()));
        next.ifPresentOrElse(
                n -> s.append(" Next: lab check ").append(n.id()).append(" (edit exercises/").append(n.id()).append("/").append(n.files().getFirst()).append(")"),
                () -> s.append(" All done."));
        return s.append('\n').toString();
    }

    /** The heading printed before a check. */
    public static String heading(Course course, Exercise e) {
        return "== " + e.id() + " (" + e.order() + " of " + course.exercises().size() + "): " + e.title()
                + "  [chapter " + e.chapter() + "]";
    }

    /** Every test with its verdict; failures with message and location; compile errors in full. */
    public static String report(Result r) {
        StringBuilder s = new StringBuilder();
        if (r.status() == Result.Status.ERROR) {
            s.append(r.tests().isEmpty() ? "does not compile or could not run:\n" : "").append(indent(r.message(), "  ")).append('\n');
        }
        for (Result.TestOutcome t : r.tests()) {
            String verdict = t.status() == Result.Status.PASS ? "ok     " : t.timedOut() ? "TIMEOUT" : t.status() == Result.Status.FAIL ? "FAIL   " : "ERROR  ";
            s.append("  ").append(verdict).append(' ').append(t.name()).append('\n');
            if (t.status() != Result.Status.PASS) {
                s.append(indent(t.message(), "           ")).append('\n');
                if (t.location() != null) {
                    s.append("           at ").append(t.location()).append('\n');
                }
            }
            if (t.output() != null && !t.output().isBlank()) {
                s.append(indent(t.output().stripTrailing(), "           | ")).append('\n');
            }
        }
        return s.toString();
    }

    /** The plain closing line that graders and CI read. */
    public static String counts(long passed, long failed) {
        return passed + " passed, " + failed + " failed";
    }

    static String indent(String text, String prefix) {
        if (text == null) {
            return prefix + "(no message)";
        }
        return text.lines().map(l -> prefix + l).reduce((a, b) -> a + "\n" + b).orElse(prefix);
    }

    /** {@code exercises/udp-flyweight/UdpView.java}, for messages that tell the student what to edit. */
    public static String files(Course course, Exercise e) {
        List<String> names = e.files().stream().map(f -> course.root().relativize(course.dir(e).resolve(f)).toString()).toList();
        return String.join(", ", names);
    }

    static String relative(Course course, Path p) {
        return course.root().relativize(p.toAbsolutePath()).toString();
    }
}
