package dev.wirelab.labs.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Where the lab writes what it measured: {@code reports/<kind>-<timestamp>.<ext>} under the
 * project root. A name that exists already gets a suffix: nothing a user has is overwritten.
 */
public final class ReportFiles {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path directory;

    public ReportFiles(Path directory) {
        this.directory = directory;
    }

    /** {@code reports/} under the project root that {@code ./lab} passes as {@code -Dwirelab.root}, else under the working directory. */
    public static ReportFiles inDefaultDirectory() {
        return new ReportFiles(projectRoot().resolve("reports"));
    }

    /** {@code --out DIR} when given, else {@link #inDefaultDirectory()}: every command's choice. */
    public static ReportFiles orDefault(Path directory) {
        return directory == null ? inDefaultDirectory() : new ReportFiles(directory);
    }

    public static Path projectRoot() {
        String root = System.getProperty("wirelab.root");
        return root != null ? Path.of(root) : Path.of("").toAbsolutePath();
    }

    public Path directory() {
        return directory;
    }

    /**
     * A fresh base name such as {@code tour-20261122-041500}: no file with this base and
     * any of the given extensions exists yet.
     */
    public Path reserve(String kind, LocalDateTime when, String... extensions) throws IOException {
        Files.createDirectories(directory);
        String base = kind + "-" + STAMP.format(when);
        for (int n = 1; ; n++) {
            String candidate = n == 1 ? base : base + "-" + n;
            if (noneExist(candidate, extensions)) {
                return directory.resolve(candidate);
            }
        }
    }

    private boolean noneExist(String base, String... extensions) {
        for (String ext : extensions) {
            if (Files.exists(directory.resolve(base + "." + ext))) {
                return false;
            }
        }
        return true;
    }

    /** {@code base} with an extension: {@code reports/tour-...} + {@code png}. */
    public static Path withExtension(Path base, String extension) {
        return base.resolveSibling(base.getFileName() + "." + extension);
    }
}
