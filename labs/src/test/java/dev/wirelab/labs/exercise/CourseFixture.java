package dev.wirelab.labs.exercise;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import dev.wirelab.labs.cli.LabCli;

/** A small copy of the shipped course in a temporary folder, and a way to run {@code lab} on it. */
final class CourseFixture {

    final Path root;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    private CourseFixture(Path root) {
        this.root = root;
    }

    /** The checkout that holds the shipped exercises (the module runs from labs/). */
    static Path shipped() throws IOException {
        return Course.locate().root();
    }

    /** Two shipped exercises with their solutions, and a manifest listing just them. */
    static CourseFixture twoExercises(Path dir, int timeoutSeconds) throws IOException {
        Path shipped = shipped();
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(shipped.resolve("solutions")),
                "no solutions/ folder: this is the student edition, and these tests need the reference solutions");
        for (String id : new String[] {"udp-flyweight", "sealed-state"}) {
            copyTree(shipped.resolve("exercises").resolve(id), dir.resolve("exercises").resolve(id));
            copyTree(shipped.resolve("solutions").resolve(id), dir.resolve("solutions").resolve(id));
        }
        Files.writeString(dir.resolve("exercises").resolve(Manifest.FILE), """
                {"exercises": [
                  {"id": "udp-flyweight", "order": 1, "title": "Read a UDP header", "chapter": "01-zero-copy",
                   "files": ["UdpView.java"], "tests": ["test/UdpViewTest.java"], "hint": "absolute get", "timeoutSeconds": %d},
                  {"id": "sealed-state", "order": 2, "title": "State machine", "chapter": "03-state-machines",
                   "files": ["RequestState.java"], "tests": ["test/RequestStateTest.java"], "hint": "no default"}
                ]}
                """.formatted(timeoutSeconds));
        return new CourseFixture(dir);
    }

    static CourseFixture at(Path root) {
        return new CourseFixture(root);
    }

    /** Runs {@code lab ARGS --dir ROOT} with {@code input} as what the user types. */
    int labWithInput(String input, String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--dir";
        all[args.length + 1] = root.toString();
        return LabCli.execute(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true), new PrintWriter(err, true), all);
    }

    int lab(String... args) {
        return labWithInput("", args);
    }

    /** Lays the reference solution of {@code id} over the student's file. */
    void solve(String id, String file) throws IOException {
        Files.copy(root.resolve("solutions").resolve(id).resolve(file), root.resolve("exercises").resolve(id).resolve(file),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    Path file(String id, String file) {
        return root.resolve("exercises").resolve(id).resolve(file);
    }

    String lastLine() {
        String[] lines = out.toString().strip().split("\n");
        return lines[lines.length - 1];
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
