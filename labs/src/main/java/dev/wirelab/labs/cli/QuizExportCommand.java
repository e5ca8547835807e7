package dev.wirelab.labs.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.wirelab.labs.quiz.Chapter;
import dev.wirelab.labs.quiz.QuizBank;
import dev.wirelab.labs.quiz.StudentEdition;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lab quiz export --student [--out DIR]}: writes the student edition of every
 * chapter, in which answers are salted hashes, so students can take and grade the quizzes
 * without a copy that shows the answers. Existing files are never overwritten without
 * {@code --force}.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the student edition: answers as salted hashes, explanations encoded.")
public final class QuizExportCommand implements Callable<Integer> {

    @Option(names = "--student", required = true,
            description = "Export the student edition (the only edition there is to export).")
    boolean student;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output directory (default: reports/quizzes-student in the checkout).")
    Path out;

    @Option(names = "--force", description = "Overwrite files that already exist in the output directory.")
    boolean force;

    @CommandLine.ParentCommand
    QuizCommand quiz;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        QuizBank bank = quiz.bank();
        List<Chapter> chapters = bank.chapters();
        Path target = out != null ? out : bank.dir().toAbsolutePath().getParent().resolve("reports").resolve("quizzes-student");

        // Phase 1: render everything in memory, so a refusal leaves no half-written edition.
        SecureRandom random = new SecureRandom();
        Map<Path, String> files = new LinkedHashMap<>();
        for (Chapter c : chapters) {
            files.put(target.resolve(c.name() + ".md"), StudentEdition.write(c, random));
        }
        files.put(target.resolve("README.md"), readme(target));

        // Phase 2: refuse to overwrite anything unless asked to.
        List<Path> existing = files.keySet().stream().filter(Files::exists).toList();
        if (!existing.isEmpty() && !force) {
            throw new IllegalStateException(existing.size() + " file(s) already exist in " + target
                    + " (e.g. " + existing.getFirst().getFileName() + "); pass --force to overwrite or --out to choose another directory");
        }

        // Phase 3: write.
        Files.createDirectories(target);
        for (Map.Entry<Path, String> file : files.entrySet()) {
            Files.writeString(file.getKey(), file.getValue(), StandardCharsets.UTF_8);
        }
        stdout.println("Wrote the student edition of " + chapters.size() + " chapters to " + target);
        stdout.println("Take a quiz from it: lab quiz --dir " + target + " 05-backpressure");
        return 0;
    }

    static String readme(Path target) {
        return """
                # wirelab quizzes: student edition

                These files hold the same questions as the course's `quizzes/`, but no answers: each
                question's answer is a salted SHA-256 hash on its `key:` line, and each explanation is
                base64-encoded so it does not give the answer away at a glance.

                Take a quiz and have it graded:

                    ./lab quiz --dir %s 05-backpressure

                or, in a notebook, `Quiz.at(Path.of("%s")).grade("05-backpressure", 3, "b")`.
                """.formatted(target, target);
    }
}
