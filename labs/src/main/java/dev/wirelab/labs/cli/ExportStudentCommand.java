package dev.wirelab.labs.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import dev.wirelab.labs.exercise.Course;
import dev.wirelab.labs.quiz.Chapter;
import dev.wirelab.labs.quiz.QuizBank;
import dev.wirelab.labs.quiz.StudentEdition;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code lab export-student DIR}: the repository as students get it. Everything but the
 * reference solutions ({@code solutions/}), build output, reports, progress and backups;
 * the quizzes as the student edition (answers as salted hashes). The result builds and
 * runs on its own: {@code ./lab list} and {@code ./lab check} work inside it.
 */
@Command(name = "export-student", mixinStandardHelpOptions = true,
        description = "Write the student edition of the course (no solutions, hashed quiz answers) to DIR.")
public final class ExportStudentCommand implements Callable<Integer> {

    /** Folders never handed out: solutions, build output, VCS and editor state. */
    private static final Set<String> SKIPPED_DIRS = Set.of("solutions", "target", "reports", ".git", ".idea",
            ".vscode", ".ipynb_checkpoints", "node_modules", ".backup");

    @Parameters(paramLabel = "DIR", description = "A new or empty directory.")
    Path target;

    @CommandLine.Mixin
    CourseDir where = new CourseDir();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Course course = where.course();
        Path root = course.root();
        Path out = target.toAbsolutePath().normalize();
        if (Files.exists(out) && (!Files.isDirectory(out) || !isEmpty(out))) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    out + " exists and is not an empty directory; choose a new one");
        }
        if (out.startsWith(root) && !out.startsWith(root.resolve("target")) && !out.startsWith(root.resolve("reports"))) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "write the student edition outside the course (or under its target/ or reports/), not into " + out);
        }
        // Phase 1: copy the tree, leaving out what students must not get.
        Path quizzes = root.resolve("quizzes");
        int[] copied = {0};
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(root) && (SKIPPED_DIRS.contains(dir.getFileName().toString()) || dir.startsWith(out))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(out.resolve(root.relativize(dir)));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String name = file.getFileName().toString();
                boolean progress = name.startsWith(".progress");
                boolean quiz = file.getParent().equals(quizzes) && name.endsWith(".md");
                if (!progress && !quiz && !name.equals(".git") && attrs.isRegularFile()) {
                    Files.copy(file, out.resolve(root.relativize(file)), StandardCopyOption.COPY_ATTRIBUTES);
                    copied[0]++;
                }
                return FileVisitResult.CONTINUE;
            }
        });
        // Phase 2: the quizzes' student edition in place of the teacher's.
        QuizBank bank = new QuizBank(quizzes);
        Path studentQuizzes = out.resolve("quizzes");
        Files.createDirectories(studentQuizzes);
        SecureRandom random = new SecureRandom();
        int chapters = 0;
        for (Chapter c : bank.chapters()) {
            Files.writeString(studentQuizzes.resolve(c.name() + ".md"), StudentEdition.write(c, random), StandardCharsets.UTF_8);
            chapters++;
        }
        Files.writeString(studentQuizzes.resolve("README.md"), QuizExportCommand.readme(Path.of("quizzes")), StandardCharsets.UTF_8);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("Wrote the student edition to " + out + ": " + copied[0] + " files, "
                + course.exercises().size() + " exercises without solutions, " + chapters + " quiz chapters with hashed answers.");
        stdout.println("Students start with: cd " + out + " && ./lab list");
        return 0;
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.findAny().isEmpty();
        }
    }
}
