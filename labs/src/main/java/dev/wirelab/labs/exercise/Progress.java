package dev.wirelab.labs.exercise;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The student's progress: which exercises have passed, kept in {@code exercises/.progress}
 * (a properties file, {@code id=time it passed}). It lives in the working tree, not under
 * {@code target/}, so a rebuild or {@code mvnw clean} keeps it; it is git-ignored so it is
 * never handed in by accident; deleting it starts the course over.
 */
public final class Progress {

    /** The state file's name inside {@code exercises/}. */
    public static final String FILE = ".progress";

    private final Path file;
    private final Properties done = new Properties();

    private Progress(Path file) {
        this.file = file;
    }

    /** Reads the file if it exists; an unreadable file counts as no progress rather than a crash. */
    public static Progress load(Path file) {
        Progress p = new Progress(file);
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.done.load(in);
            } catch (IOException | IllegalArgumentException e) {
                p.done.clear();
            }
        }
        return p;
    }

    public boolean isDone(String id) {
        return done.containsKey(id);
    }

    public Set<String> doneIds() {
        return new TreeSet<>(done.stringPropertyNames());
    }

    /** Marks {@code id} done (or not) and writes the file at once, atomically. */
    public void set(String id, boolean passed) throws IOException {
        if (passed) {
            done.setProperty(id, Instant.now().toString());
        } else {
            done.remove(id);
        }
        save();
    }

    private void save() throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(FILE + ".tmp");
        try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            done.store(out, "wirelab exercise progress: delete this file to start over");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
