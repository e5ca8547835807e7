package dev.wirelab.labs.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.wirelab.labs.quiz.Chapter;
import dev.wirelab.labs.quiz.QuizBank;

/**
 * The committed course: one notebook per quiz chapter plus the first and the last, all for the
 * wirelab kernel, none carrying outputs; and the judge that reads an executed notebook.
 */
class NotebookFilesTest {

    private static final Path NOTEBOOKS = Checkout.root().resolve("notebooks");

    /** Every quiz chapter NN-topic has notebooks/NN-topic.ipynb, and the course opens and closes with 00 and 14. */
    @Test
    void everyQuizChapterHasItsNotebook() throws Exception {
        List<String> expected = new ArrayList<>();
        expected.add("00-start-here");
        for (Chapter c : QuizBank.locate().chapters()) {
            expected.add(c.name());
        }
        expected.add("14-showdown");
        List<String> actual = Notebook.list(NOTEBOOKS).stream()
                .map(p -> p.getFileName().toString().replace(".ipynb", "")).toList();
        assertEquals(expected, actual);
    }

    /** A committed notebook has no outputs and no execution counts: the repository holds the course, not a run of it. */
    @Test
    void committedNotebooksCarryNoOutputs() throws Exception {
        for (Path file : Notebook.list(NOTEBOOKS)) {
            Notebook nb = Notebook.read(file);
            assertEquals(List.of(), nb.cellsWithOutputs(), file.getFileName() + " has outputs in these cells");
            assertEquals(KernelSpec.NAME, nb.kernelName(), file.getFileName() + " names another kernel");
            assertTrue(nb.codeCells().size() >= 3, file.getFileName() + " has almost no code");
        }
    }

    /** Cells use no kernel-specific magic (%jar, %classpath, %%...): other Java kernels run them too. */
    @Test
    void cellsUseNoKernelMagic() throws Exception {
        for (Path file : Notebook.list(NOTEBOOKS)) {
            for (Notebook.Cell cell : Notebook.read(file).codeCells()) {
                assertTrue(cell.source().lines().noneMatch(l -> l.strip().startsWith("%")),
                        file.getFileName() + " cell " + cell.index() + " uses a magic");
            }
        }
    }

    /** The judge finds the first error output and names notebook, cell and message. */
    @Test
    void findsTheFirstErrorOfAnExecutedNotebook(@TempDir Path dir) throws Exception {
        Path nb = write(dir, "03-state-machines", """
                {"cell_type":"code","metadata":{},"execution_count":1,"source":["Lab.ok();"],
                 "outputs":[{"output_type":"stream","name":"stdout","text":["fine\\n"]}]},
                {"cell_type":"markdown","metadata":{},"source":["text"]},
                {"cell_type":"code","metadata":{},"execution_count":2,"source":["var x = boom();\\n","more"],
                 "outputs":[{"output_type":"error","ename":"EvalException","evalue":"boom","traceback":["x"]}]}
                """);
        Optional<Notebook.Problem> problem = Notebook.read(nb).firstError();
        assertTrue(problem.isPresent());
        assertEquals("03-state-machines.ipynb cell 3 (var x = boom();): EvalException: boom", problem.get().toString());
    }

    /** Text on stderr counts as an error too. */
    @Test
    void stderrOutputIsAProblem(@TempDir Path dir) throws Exception {
        Path nb = write(dir, "00-start-here", """
                {"cell_type":"code","metadata":{},"execution_count":1,"source":["x"],
                 "outputs":[{"output_type":"stream","name":"stderr","text":"Exception in thread main\\n"}]}
                """);
        assertTrue(Notebook.read(nb).firstError().orElseThrow().message().contains("stderr"));
    }

    /** A chapter notebook that graded only some of its questions fails, naming the ones never checked. */
    @Test
    void aChapterThatSkippedQuizChecksFails(@TempDir Path dir) throws Exception {
        int questions = QuizBank.locate().chapter("05-backpressure").questions().size();
        StringBuilder text = new StringBuilder();
        for (int q = 1; q < questions; q++) { // the last one is missing
            text.append("quiz 05-backpressure question ").append(q).append(": correct\\n");
        }
        Path nb = write(dir, "05-backpressure", """
                {"cell_type":"code","metadata":{},"execution_count":1,"source":["Lab.answers(...)"],
                 "outputs":[{"output_type":"stream","name":"stdout","text":"%s"}]}
                """.formatted(text));
        CourseRun run = new CourseRun(null, QuizBank.locate(), Duration.ofSeconds(1), null);
        Notebook read = Notebook.read(nb);
        assertEquals(questions - 1, read.verdicts().size());
        String problem = run.missingChecks(read).orElseThrow();
        assertTrue(problem.contains("[" + questions + "]"), problem);
    }

    /** Notebooks without a quiz chapter of their own (00, 14) need no quiz checks. */
    @Test
    void theFirstAndLastNotebooksNeedNoQuizChecks(@TempDir Path dir) throws Exception {
        CourseRun run = new CourseRun(null, QuizBank.locate(), Duration.ofSeconds(1), null);
        for (String name : List.of("00-start-here", "14-showdown")) {
            Path nb = write(dir, name, """
                    {"cell_type":"code","metadata":{},"execution_count":1,"source":["x"],"outputs":[]}
                    """);
            assertEquals(Optional.empty(), run.missingChecks(Notebook.read(nb)), name);
        }
    }

    private static Path write(Path dir, String name, String cells) throws Exception {
        Path file = dir.resolve(name + ".ipynb");
        Files.writeString(file, """
                {"nbformat":4,"nbformat_minor":5,"metadata":{"kernelspec":{"name":"wirelab"}},"cells":[%s]}
                """.formatted(cells));
        return file;
    }
}
