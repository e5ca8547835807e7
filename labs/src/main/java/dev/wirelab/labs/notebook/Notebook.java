package dev.wirelab.labs.notebook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One {@code .ipynb} file read as JSON (nbformat 4): its code cells, their source and outputs.
 * Enough to decide what a headless run showed — an error, a quiz check — without Python.
 */
public final class Notebook {

    /** The line {@link Lab#answer} prints for every graded answer; the runner counts them. */
    static final Pattern VERDICT = Pattern.compile("quiz (\\d\\d-[a-z0-9-]+) question (\\d+): (correct|wrong)");

    private final Path file;
    private final JsonNode json;

    private Notebook(Path file, JsonNode json) {
        this.file = file;
        this.json = json;
    }

    public static Notebook read(Path file) throws IOException {
        return new Notebook(file, new ObjectMapper().readTree(file.toFile()));
    }

    /** The notebooks of {@code dir} in name order ({@code 00-start-here.ipynb} first). */
    public static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("\\d\\d-[a-z0-9-]+\\.ipynb")).sorted().toList();
        }
    }

    public String name() {
        return file.getFileName().toString().replaceFirst("\\.ipynb$", "");
    }

    /** The kernelspec the notebook asks for. */
    public String kernelName() {
        return json.path("metadata").path("kernelspec").path("name").asText("");
    }

    /** Code cells, numbered from 1 in notebook order (what Jupyter shows as the cell's position). */
    public List<Cell> codeCells() {
        List<Cell> cells = new ArrayList<>();
        int index = 0;
        for (JsonNode cell : json.path("cells")) {
            index++;
            if ("code".equals(cell.path("cell_type").asText())) {
                cells.add(new Cell(index, text(cell.path("source")), cell.path("outputs"), cell.path("execution_count")));
            }
        }
        return cells;
    }

    /** The first cell that shows an error (an exception, or anything written to stderr), if any. */
    public Optional<Problem> firstError() {
        for (Cell cell : codeCells()) {
            for (JsonNode out : cell.outputs()) {
                String type = out.path("output_type").asText();
                if ("error".equals(type)) {
                    String value = out.path("evalue").asText();
                    String detail = value.isBlank()
                            ? stripAnsi(text(out.path("traceback"))).strip().replaceAll("\\s*\n\\s*", " / ")
                            : firstLine(value);
                    return Optional.of(new Problem(name(), cell.index(), cell.firstLine(),
                            out.path("ename").asText() + ": " + detail));
                }
                if ("stream".equals(type) && "stderr".equals(out.path("name").asText())) {
                    return Optional.of(new Problem(name(), cell.index(), cell.firstLine(),
                            "wrote to stderr: " + firstLine(text(out.path("text")))));
                }
            }
        }
        return Optional.empty();
    }

    /** Every quiz verdict the outputs show, as "NN-topic question N: correct|wrong". */
    public List<String> verdicts() {
        List<String> verdicts = new ArrayList<>();
        for (Cell cell : codeCells()) {
            Matcher m = VERDICT.matcher(cell.outputText());
            while (m.find()) {
                verdicts.add(m.group(1) + " question " + m.group(2) + ": " + m.group(3));
            }
        }
        return verdicts;
    }

    /** Code cells that carry outputs or an execution count: a committed notebook should have none. */
    public List<Integer> cellsWithOutputs() {
        return codeCells().stream()
                .filter(c -> !c.outputs().isEmpty() || !c.executionCount().isNull())
                .map(Cell::index).toList();
    }

    /** A code cell: position, source text, outputs as stored. */
    public record Cell(int index, String source, JsonNode outputs, JsonNode executionCount) {

        String firstLine() {
            return Notebook.firstLine(source);
        }

        /** All text the cell printed or returned, concatenated. */
        public String outputText() {
            StringBuilder text = new StringBuilder();
            for (JsonNode out : outputs) {
                text.append(Notebook.text(out.path("text")));
                JsonNode data = out.path("data");
                text.append(Notebook.text(data.path("text/plain"))).append(Notebook.text(data.path("text/html")));
            }
            return text.toString();
        }
    }

    /** Where a run went wrong: notebook, cell position, the cell's first line, and the message. */
    public record Problem(String notebook, int cell, String cellStart, String message) {
        @Override
        public String toString() {
            return notebook + ".ipynb cell " + cell + " (" + cellStart + "): " + message;
        }
    }

    /** nbformat stores multi-line text either as one string or as a list of lines. */
    static String text(JsonNode node) {
        if (node.isArray()) {
            StringBuilder s = new StringBuilder();
            node.forEach(line -> s.append(line.asText()).append(line.asText().endsWith("\n") ? "" : "\n"));
            return s.toString();
        }
        return node.isMissingNode() || node.isNull() ? "" : node.asText();
    }

    static String firstLine(String text) {
        String trimmed = text.strip();
        int nl = trimmed.indexOf('\n');
        return nl < 0 ? trimmed : trimmed.substring(0, nl);
    }

    static String stripAnsi(String text) {
        return text.replaceAll("\u001b\\[[0-9;]*m", "");
    }
}
