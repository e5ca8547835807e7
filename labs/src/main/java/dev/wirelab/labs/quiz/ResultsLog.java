package dev.wirelab.labs.quiz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;

/**
 * Where quiz results go: one tab-separated line per answered question, appended, never
 * rewritten. The default file is {@code ~/.wirelab/quiz-results.tsv}; it opens in any
 * spreadsheet, and {@code sort}/{@code awk} answer "how did I do on chapter 5 last week".
 *
 * <pre>
 * time                      chapter          question  id            answer  correct  edition
 * 2025-01-31T09:12:03.5Z    05-backpressure  3         bp-put-full   b       true     teacher
 * </pre>
 */
public final class ResultsLog {

    static final String HEADER = "time\tchapter\tquestion\tid\tanswer\tcorrect\tedition";

    private final Path file;

    public ResultsLog(Path file) {
        this.file = file;
    }

    /** {@code ~/.wirelab/quiz-results.tsv}. */
    public static Path defaultFile() {
        return Path.of(System.getProperty("user.home"), ".wirelab", "quiz-results.tsv");
    }

    public Path file() {
        return file;
    }

    /** Appends one line per verdict (and the header line first, if the file is new or empty). */
    public void append(Chapter chapter, List<Verdict> verdicts, Instant time) throws IOException {
        if (verdicts.isEmpty()) {
            return;
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        StringBuilder lines = new StringBuilder();
        if (!Files.exists(file) || Files.size(file) == 0) {
            lines.append(HEADER).append('\n');
        }
        String edition = chapter.studentEdition() ? "student" : "teacher";
        for (Verdict v : verdicts) {
            lines.append(time).append('\t').append(chapter.name()).append('\t').append(v.question().number())
                    .append('\t').append(v.question().id()).append('\t').append(v.answer().canonical())
                    .append('\t').append(v.correct()).append('\t').append(edition).append('\n');
        }
        Files.writeString(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
