package dev.wirelab.labs.exercise;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code exercises/manifest.json}: every exercise once, in course order.
 *
 * <pre>{@code
 * { "exercises": [
 *   { "id": "udp-flyweight", "order": 1, "title": "...", "chapter": "01-zero-copy",
 *     "files": ["UdpView.java"], "tests": ["test/UdpViewTest.java"], "hint": "...",
 *     "modules": [], "timeoutSeconds": 10 } ] }
 * }</pre>
 *
 * <p>Reading it checks what can be checked without the files: required fields present,
 * ids well-formed and unique, orders unique. {@link Course#problems()} checks the files.
 */
public final class Manifest {

    /** The file's name inside {@code exercises/}. */
    public static final String FILE = "manifest.json";

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private record File(List<Exercise> exercises) {
    }

    private Manifest() {
    }

    /** The exercises in course order; a malformed manifest is an {@link IllegalStateException} naming the problem. */
    public static List<Exercise> read(Path manifest) throws IOException {
        File file;
        try {
            file = JSON.readValue(Files.readString(manifest), File.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(manifest + " is not a valid manifest: " + e.getOriginalMessage()
                    + " (line " + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ")");
        }
        if (file == null || file.exercises() == null) {
            throw new IllegalStateException(manifest + " has no \"exercises\" list");
        }
        List<String> problems = check(file.exercises());
        if (!problems.isEmpty()) {
            throw new IllegalStateException(manifest + ": " + String.join("; ", problems));
        }
        List<Exercise> sorted = new ArrayList<>(file.exercises());
        sorted.sort(Comparator.comparingInt(Exercise::order));
        return List.copyOf(sorted);
    }

    private static List<String> check(List<Exercise> exercises) {
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<Integer> orders = new HashSet<>();
        for (Exercise e : exercises) {
            if (e.id() == null || !ID.matcher(e.id()).matches()) {
                problems.add("id '" + e.id() + "' must be lower-case words joined by '-'");
                continue;
            }
            if (!ids.add(e.id())) {
                problems.add("exercise '" + e.id() + "' is listed more than once");
            }
            if (!orders.add(e.order())) {
                problems.add("exercise '" + e.id() + "' shares order " + e.order() + " with another");
            }
            if (blank(e.title()) || blank(e.chapter()) || blank(e.hint())) {
                problems.add("exercise '" + e.id() + "' needs a title, a chapter and a hint");
            }
            if (e.files().isEmpty() || e.tests().isEmpty()) {
                problems.add("exercise '" + e.id() + "' needs at least one file and one test");
            }
        }
        return problems;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
