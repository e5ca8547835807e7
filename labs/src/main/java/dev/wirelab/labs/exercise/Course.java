package dev.wirelab.labs.exercise;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The exercises on disk: {@code exercises/} (manifest, starters, tests, READMEs, the progress
 * file) and, in the instructors' edition, {@code solutions/}.
 *
 * <p>Finding the root works like the quizzes: {@code -Dwirelab.root} (set by {@code ./lab}),
 * else the nearest directory at or above the working directory with
 * {@code exercises/manifest.json}; commands also take {@code --dir ROOT}.
 */
public final class Course {

    private final Path root;
    private final List<Exercise> exercises;

    private Course(Path root, List<Exercise> exercises) {
        this.root = root;
        this.exercises = exercises;
    }

    /** The course rooted at {@code root} (the directory that holds {@code exercises/}). */
    public static Course at(Path root) throws IOException {
        Path manifest = root.resolve("exercises").resolve(Manifest.FILE);
        if (!Files.isRegularFile(manifest)) {
            throw new IllegalStateException("no exercises/" + Manifest.FILE + " under " + root
                    + "; run inside the wirelab checkout (or its student edition), use ./lab, or pass --dir");
        }
        return new Course(root.toAbsolutePath().normalize(), Manifest.read(manifest));
    }

    /** The course found as the class doc says. */
    public static Course locate() throws IOException {
        String root = System.getProperty("wirelab.root");
        if (root != null && !root.isBlank()) {
            return at(Path.of(root));
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("exercises").resolve(Manifest.FILE))) {
                return at(p);
            }
        }
        return at(Path.of("").toAbsolutePath());
    }

    public Path root() {
        return root;
    }

    public List<Exercise> exercises() {
        return exercises;
    }

    public Path dir(Exercise e) {
        return root.resolve("exercises").resolve(e.id());
    }

    public Path solutionDir(Exercise e) {
        return root.resolve("solutions").resolve(e.id());
    }

    /** Whether this tree has the reference solutions (the instructors' edition). */
    public boolean hasSolutions() {
        return Files.isDirectory(root.resolve("solutions"));
    }

    public Progress progress() {
        return Progress.load(root.resolve("exercises").resolve(Progress.FILE));
    }

    /** An exercise by id or by its order number ({@code 3}); empty when there is none. */
    public Optional<Exercise> find(String idOrNumber) {
        String key = idOrNumber.trim();
        return exercises.stream()
                .filter(e -> e.id().equals(key) || String.valueOf(e.order()).equals(key))
                .findFirst();
    }

    /** The first exercise, in course order, that has not passed yet. */
    public Optional<Exercise> next(Progress progress) {
        return exercises.stream().filter(e -> !progress.isDone(e.id())).findFirst();
    }

    /**
     * What {@code lab dev check} checks before running anything: every listed file exists,
     * every exercise has a README, a {@code // TODO} in a starter, a test that says "do not
     * change", and (in the instructors' edition) a solution for each of its files; and every
     * folder under {@code exercises/} is in the manifest.
     */
    public List<String> problems() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Exercise e : exercises) {
            Path dir = dir(e);
            if (!Files.isRegularFile(dir.resolve("README.md"))) {
                problems.add(e.id() + ": no README.md");
            }
            boolean todo = false;
            for (String f : e.files()) {
                Path file = dir.resolve(f);
                if (!Files.isRegularFile(file)) {
                    problems.add(e.id() + ": manifest names " + f + ", which does not exist");
                    continue;
                }
                todo |= Files.readString(file, StandardCharsets.UTF_8).contains("// TODO");
                if (hasSolutions() && !Files.isRegularFile(solutionDir(e).resolve(f))) {
                    problems.add(e.id() + ": no reference solution solutions/" + e.id() + "/" + f);
                }
            }
            if (!todo) {
                problems.add(e.id() + ": no '// TODO' in its starter files");
            }
            for (String t : e.tests()) {
                Path file = dir.resolve(t);
                if (!Files.isRegularFile(file)) {
                    problems.add(e.id() + ": manifest names test " + t + ", which does not exist");
                } else if (!Files.readString(file, StandardCharsets.UTF_8).toLowerCase().contains("do not change")) {
                    problems.add(e.id() + ": test " + t + " does not say \"do not change\"");
                }
            }
        }
        try (var list = Files.list(root.resolve("exercises"))) {
            list.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .filter(name -> !name.startsWith("."))
                    .filter(name -> find(name).isEmpty())
                    .forEach(name -> problems.add("exercises/" + name + " is not in the manifest"));
        }
        return problems;
    }
}
