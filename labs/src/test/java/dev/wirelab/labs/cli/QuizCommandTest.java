package dev.wirelab.labs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lab quiz}, driven through {@link LabCli#execute} with scripted answers on the input stream. */
class QuizCommandTest {

    static final String SAMPLE = """
            # Sample

            ## What is one plus one?
            id: one-plus-one
            type: single

            - [ ] 1
            - [x] 2
            - [ ] 3

            > One and one make two.

            ## Which are even?
            id: evens
            type: multiple
            lab: ./lab tour

            - [x] 2
            - [ ] 3
            - [x] 4

            > 2 and 4 are divisible by two.
            """;

    /** The terminal shows each question, re-asks after a bad reply, explains every answer and scores. */
    static final String TRANSCRIPT = """
            01-sample · Sample · 2 questions
            Answer with a letter (b), or letters for several (a,c); q quits.

            Question 1 of 2 · single choice: pick one
            What is one plus one?

              a) 1
              b) 2
              c) 3
            your answer> 'x' is not an option; choose from a to c.
            your answer> Correct.

            One and one make two.

            Question 2 of 2 · multiple choice: pick every correct option
            Which are even?

              a) 2
              b) 3
              c) 4
            your answer> Not quite: you chose a. The answer is a, c.

            2 and 4 are divisible by two.

            See it measured: ./lab tour

            Score: 1/2 (50%)
            """;

    @TempDir
    Path tmp;
    Path quizzes;
    Path results;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void writeSampleQuiz() throws IOException {
        quizzes = Files.createDirectories(tmp.resolve("quizzes"));
        Files.writeString(quizzes.resolve("01-sample.md"), SAMPLE);
        results = tmp.resolve("home/.wirelab/quiz-results.tsv");
    }

    int lab(String input, String... args) {
        return LabCli.execute(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    int quiz(String input, String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("quiz", "--dir", quizzes.toString(), "--results", results.toString()));
        all.addAll(List.of(args));
        return lab(input, all.toArray(String[]::new));
    }

    @Test
    void takesAQuizFromScriptedInput() {
        assertEquals(0, quiz("x\nb\na\n", "01-sample"));
        assertEquals(TRANSCRIPT + "Results appended to " + results + "\n", out.toString());
        assertEquals("", err.toString());
    }

    /** One tab-separated line per answered question, under a header written once. */
    @Test
    void recordsOneLinePerAnswer() throws IOException {
        quiz("b\na\n", "1");
        List<String> lines = Files.readAllLines(results);
        assertEquals("time\tchapter\tquestion\tid\tanswer\tcorrect\tedition", lines.get(0));
        assertEquals(3, lines.size());
        assertTrue(lines.get(1).matches("\\d{4}-\\d\\d-\\d\\dT[^\\t]+Z\\t01-sample\\t1\\tone-plus-one\\tb\\ttrue\\tteacher"), lines.get(1));
        assertTrue(lines.get(2).endsWith("\t01-sample\t2\tevens\ta\tfalse\tteacher"), lines.get(2));
    }

    /** A second run appends: earlier results are never overwritten. */
    @Test
    void appendsToExistingResults() throws IOException {
        quiz("b\na,c\n", "sample");
        quiz("c\nb\n", "sample");
        List<String> lines = Files.readAllLines(results);
        assertEquals(5, lines.size());
        assertEquals(1, lines.stream().filter(l -> l.startsWith("time\t")).count());
        assertTrue(lines.get(4).endsWith("\tevens\tb\tfalse\tteacher"), lines.get(4));
    }

    @Test
    void quittingScoresWhatWasAnswered() {
        assertEquals(0, quiz("b\nq\n", "1"));
        assertTrue(out.toString().contains("\nStopped after 1 of 2 questions. Score so far: 1/1.\n"), out.toString());
    }

    /** Input that ends mid-quiz is scored and recorded, and the exit code says the quiz was not finished. */
    @Test
    void inputEndingEarlyIsReportedWithANonZeroExit() throws IOException {
        assertEquals(1, quiz("b\n", "1"));
        assertTrue(out.toString().contains("Stopped after 1 of 2 questions. Score so far: 1/1."), out.toString());
        assertEquals("lab quiz: the input ended before the quiz did; run it again in a terminal to finish.\n", err.toString());
        assertEquals(2, Files.readAllLines(results).size());
    }

    @Test
    void noRecordWritesNoResults() {
        assertEquals(0, quiz("b\na,c\n", "--no-record", "1"));
        assertFalse(Files.exists(results));
        assertFalse(out.toString().contains("Results appended"));
    }

    @Test
    void withoutAChapterListsTheChapters() {
        assertEquals(0, quiz(""));
        assertEquals("Chapters in " + quizzes + ":\n"
                + String.format("  %-9s  %-48s %2d questions%n", "01-sample", "Sample", 2)
                + "Take one: lab quiz 05-backpressure (or lab quiz 5)\n", out.toString());
    }

    @Test
    void unknownChapterIsOneLineNamingTheChapters() {
        assertEquals(1, quiz("", "nope"));
        assertEquals("lab: no chapter 'nope' in " + quizzes + "; chapters: 01-sample\n", err.toString());
    }

    /** A broken quiz file is reported with file and line, one problem per line, and a non-zero exit. */
    @Test
    void malformedQuizFileIsReportedWithFileAndLine() throws IOException {
        Files.writeString(quizzes.resolve("02-broken.md"), SAMPLE.replace("type: multiple", "type: several"));
        assertEquals(1, quiz("", "2"));
        assertEquals("lab quiz: " + quizzes.resolve("02-broken.md") + ":15: unknown type 'several'; use single, multiple or true-false\n",
                err.toString());
    }

    @Test
    void exportWritesAStudentEditionWithoutMarks() throws IOException {
        Path student = tmp.resolve("student");
        assertEquals(0, quiz("", "export", "--student", "--out", student.toString()));
        assertEquals("Wrote the student edition of 1 chapters to " + student + "\n"
                + "Take a quiz from it: lab quiz --dir " + student + " 05-backpressure\n", out.toString());
        String text = Files.readString(student.resolve("01-sample.md"));
        assertFalse(text.toLowerCase(Locale.ROOT).contains("[x]"), text);
        assertEquals(2, text.lines().filter(l -> l.startsWith("key: sha256:")).count());
        assertTrue(Files.exists(student.resolve("README.md")));
    }

    /** The same answers get the same score from the student edition, which cannot name the right option. */
    @Test
    void studentEditionGradesTheSameAnswersTheSame() throws IOException {
        Path student = tmp.resolve("student");
        quiz("", "export", "--student", "--out", student.toString());
        out.getBuffer().setLength(0);
        assertEquals(0, lab("x\nb\na\n", "quiz", "--dir", student.toString(), "--no-record", "01-sample"));
        String expected = TRANSCRIPT.replace("Not quite: you chose a. The answer is a, c.", "Not quite: you chose a.");
        assertEquals(expected, out.toString());
    }

    /** Export never overwrites silently: existing files stop it, --force lets it through. */
    @Test
    void exportRefusesToOverwriteWithoutForce() throws IOException {
        Path student = Files.createDirectories(tmp.resolve("student"));
        Files.writeString(student.resolve("01-sample.md"), "my notes");
        assertEquals(1, quiz("", "export", "--student", "--out", student.toString()));
        assertEquals("lab: 1 file(s) already exist in " + student
                + " (e.g. 01-sample.md); pass --force to overwrite or --out to choose another directory\n", err.toString());
        assertEquals("my notes", Files.readString(student.resolve("01-sample.md")));
        assertFalse(Files.exists(student.resolve("README.md")), "a refused export must write nothing");

        assertEquals(0, quiz("", "export", "--student", "--force", "--out", student.toString()));
        assertTrue(Files.readString(student.resolve("01-sample.md")).startsWith("# Sample"));
    }

    @Test
    void exportNeedsTheEditionNamed() {
        assertEquals(2, quiz("", "export"));
        assertTrue(err.toString().contains("Missing required option: '--student'"), err.toString());
    }

    @Test
    void helpListsQuiz() {
        assertEquals(0, lab("", "--help"));
        assertTrue(out.toString().contains("quiz"), out.toString());
    }
}
