package dev.wirelab.labs.quiz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A directory of quiz files (the shipped {@code quizzes/} or a student edition) and how to
 * find one chapter in it.
 *
 * <p>Finding {@code quizzes/}: the {@code ./lab} script passes {@code -Dwirelab.root=<repo
 * root>}; without it (a notebook, an IDE, {@code mvn test}) the bank searches upward from
 * the working directory for a directory holding both {@code pom.xml} and {@code quizzes/}.
 */
public final class QuizBank {

    /** System property naming the repository root; set by {@code ./lab}. */
    public static final String ROOT_PROPERTY = "wirelab.root";

    private final Path dir;

    public QuizBank(Path dir) {
        this.dir = dir;
    }

    /** The shipped quizzes, found as described in the class doc. */
    public static QuizBank locate() {
        String root = System.getProperty(ROOT_PROPERTY);
        if (root != null && !root.isBlank()) {
            Path quizzes = Path.of(root).resolve("quizzes");
            if (!Files.isDirectory(quizzes)) {
                throw new IllegalStateException(ROOT_PROPERTY + "=" + root + " has no quizzes/ directory; point it at the wirelab checkout");
            }
            return new QuizBank(quizzes);
        }
        return findUpward(Path.of("").toAbsolutePath())
                .map(QuizBank::new)
                .orElseThrow(() -> new IllegalStateException("cannot find wirelab's quizzes/ directory from "
                        + Path.of("").toAbsolutePath() + "; run inside the wirelab checkout, use ./lab, or pass --dir"));
    }

    /** The nearest {@code quizzes/} at or above {@code start} that sits beside a {@code pom.xml}. */
    static Optional<Path> findUpward(Path start) {
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("quizzes")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return Optional.of(p.resolve("quizzes"));
            }
        }
        return Optional.empty();
    }

    public Path dir() {
        return dir;
    }

    /** Every quiz file, in chapter order: {@code *.md} except {@code README.md}. */
    public List<Path> files() throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("no quiz directory at " + dir);
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().endsWith(".md"))
                    .filter(p -> !p.getFileName().toString().equals("README.md"))
                    .sorted()
                    .toList();
        }
    }

    /** Every chapter, parsed and checked; the exception lists the problems of every file. */
    public List<Chapter> chapters() throws IOException, QuizFormatException {
        List<Chapter> chapters = new ArrayList<>();
        List<QuizFormatException.Problem> problems = new ArrayList<>();
        for (Path file : files()) {
            try {
                chapters.add(QuizParser.parse(file));
            } catch (QuizFormatException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new QuizFormatException(problems);
        }
        return chapters;
    }

    /**
     * One chapter, named in full ({@code 05-backpressure}), by number ({@code 5} or {@code 05})
     * or by slug ({@code backpressure}).
     *
     * @throws IllegalArgumentException naming the chapters there are, if none matches
     */
    public Chapter chapter(String name) throws IOException, QuizFormatException {
        return QuizParser.parse(resolve(name));
    }

    Path resolve(String name) throws IOException {
        List<Path> files = files();
        for (Path file : files) {
            String chapter = QuizParser.chapterName(file);
            int dash = chapter.indexOf('-');
            String number = dash > 0 ? chapter.substring(0, dash) : chapter;
            String slug = dash > 0 ? chapter.substring(dash + 1) : chapter;
            if (chapter.equals(name) || slug.equals(name) || sameNumber(number, name)) {
                return file;
            }
        }
        List<String> names = files.stream().map(QuizParser::chapterName).toList();
        throw new IllegalArgumentException("no chapter '" + name + "' in " + dir + "; chapters: " + String.join(", ", names));
    }

    private static boolean sameNumber(String number, String name) {
        return name.matches("\\d{1,2}") && number.matches("\\d+") && Integer.parseInt(number) == Integer.parseInt(name);
    }
}
