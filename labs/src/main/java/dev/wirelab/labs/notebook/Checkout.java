package dev.wirelab.labs.notebook;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.wirelab.labs.quiz.QuizBank;

/**
 * Where the wirelab checkout is: {@code -Dwirelab.root} when set ({@code ./lab} and the kernel
 * set it), else the nearest directory upward from the working directory that holds
 * {@code pom.xml} and {@code notebooks/} (a test run from a module directory, an IDE).
 */
final class Checkout {

    private Checkout() {
    }

    static Path root() {
        String property = System.getProperty(QuizBank.ROOT_PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("notebooks"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the wirelab checkout from " + Path.of("").toAbsolutePath()
                + "; run inside it or pass -D" + QuizBank.ROOT_PROPERTY + "=<checkout>");
    }
}
