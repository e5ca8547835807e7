package dev.wirelab.labs.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A table of strings printed two ways: aligned columns for the terminal, and a Markdown
 * table for reports. Numeric-looking cells are right-aligned in the terminal.
 */
public final class TextTable {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public TextTable(String... header) {
        this.header = List.of(header);
    }

    public TextTable row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, header has " + header.size());
        }
        List<String> row = new ArrayList<>(cells.length);
        for (Object cell : cells) {
            row.add(String.valueOf(cell));
        }
        rows.add(row);
        return this;
    }

    public int size() {
        return rows.size();
    }

    /** Aligned columns, two spaces apart, a dashed rule under the header. */
    public String toTerminal() {
        int[] widths = widths();
        boolean[] right = numericColumns();
        StringBuilder out = new StringBuilder();
        appendAligned(out, header, widths, right);
        for (int c = 0; c < widths.length; c++) {
            out.append(c == 0 ? "" : "  ").append("-".repeat(widths[c]));
        }
        out.append('\n');
        rows.forEach(row -> appendAligned(out, row, widths, right));
        return out.toString();
    }

    /** A GitHub-flavoured Markdown table. */
    public String toMarkdown() {
        StringBuilder out = new StringBuilder();
        out.append("| ").append(String.join(" | ", header)).append(" |\n");
        out.append("|").append("---|".repeat(header.size())).append('\n');
        for (List<String> row : rows) {
            out.append("| ").append(String.join(" | ", row.stream().map(c -> c.replace("|", "\\|")).toList())).append(" |\n");
        }
        return out.toString();
    }

    private int[] widths() {
        int[] widths = new int[header.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = header.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        return widths;
    }

    /** A column whose every cell looks like a number is right-aligned, header included. */
    private boolean[] numericColumns() {
        boolean[] right = new boolean[header.size()];
        for (int c = 0; c < right.length; c++) {
            int column = c;
            right[c] = !rows.isEmpty() && rows.stream().allMatch(row -> looksNumeric(row.get(column)));
        }
        return right;
    }

    private static void appendAligned(StringBuilder out, List<String> cells, int[] widths, boolean[] right) {
        for (int c = 0; c < widths.length; c++) {
            String cell = cells.get(c);
            String pad = " ".repeat(widths[c] - cell.length());
            out.append(c == 0 ? "" : "  ").append(right[c] ? pad + cell : cell + pad);
        }
        // no trailing blanks on a line
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        out.setLength(end);
        out.append('\n');
    }

    static boolean looksNumeric(String cell) {
        return !cell.isEmpty() && cell.matches("[-+]?[0-9][0-9.,]*\\s*[a-zA-Z/%×x]*");
    }
}
