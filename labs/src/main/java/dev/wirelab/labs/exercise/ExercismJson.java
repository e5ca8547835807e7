package dev.wirelab.labs.exercise;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Results in the shape of Exercism's test-runner interface, version 3: a top-level
 * {@code status} ({@code pass}, {@code fail}, {@code error}) and {@code message}, and a
 * {@code tests} array whose entries have {@code name}, {@code status}, {@code message},
 * {@code output} and {@code task_id}.
 *
 * <p>One file covers the whole course: each exercise is a task ({@code task_id} is its order),
 * test names are prefixed with the exercise id, and an exercise that did not compile appears
 * as one {@code error} entry carrying the compiler's message. {@code exercises} adds one
 * summary per exercise (id, status, message, passed, failed) for quick tallies.
 */
public final class ExercismJson {

    /** Exercism truncates a test's output at 500 characters; so do we. */
    static final int MAX_OUTPUT = 500;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ExercismJson() {
    }

    public static ObjectNode of(Course course, List<Result> results) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 3);
        boolean error = results.stream().anyMatch(r -> r.status() == Result.Status.ERROR);
        boolean pass = results.stream().allMatch(Result::passedAll);
        root.put("status", pass ? "pass" : error ? "error" : "fail");
        long passed = results.stream().filter(Result::passedAll).count();
        root.put("message", passed + " of " + results.size() + " exercises pass");
        ArrayNode tests = root.putArray("tests");
        ArrayNode summary = root.putArray("exercises");
        for (Result r : results) {
            int task = course.find(r.exercise()).map(Exercise::order).orElse(0);
            if (r.tests().isEmpty()) {
                ObjectNode t = tests.addObject();
                t.put("name", r.exercise() + ": compile");
                t.put("status", r.status().word());
                t.put("message", r.message());
                t.put("output", "");
                t.put("task_id", task);
            }
            for (Result.TestOutcome o : r.tests()) {
                ObjectNode t = tests.addObject();
                t.put("name", r.exercise() + ": " + o.name());
                t.put("status", o.status().word());
                if (o.message() == null) {
                    t.putNull("message");
                } else {
                    t.put("message", o.location() == null ? o.message() : o.message() + " (at " + o.location() + ")");
                }
                String out = o.output() == null ? "" : o.output();
                t.put("output", out.length() > MAX_OUTPUT ? out.substring(0, MAX_OUTPUT) : out);
                t.put("task_id", task);
            }
            ObjectNode s = summary.addObject();
            s.put("id", r.exercise());
            s.put("status", r.status().word());
            s.put("message", r.message());
            s.put("passed", r.passed());
            s.put("failed", r.failed());
        }
        return root;
    }

    public static void write(Path file, Course course, List<Result> results) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        JSON.writeValue(file.toFile(), of(course, results));
    }
}
