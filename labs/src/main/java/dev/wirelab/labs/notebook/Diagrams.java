package dev.wirelab.labs.notebook;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import net.sourceforge.plantuml.BlockUml;
import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;
import net.sourceforge.plantuml.error.PSystemError;

/**
 * Diagrams drawn from text: PlantUML sources in {@code notebooks/diagrams/} (or built in
 * code, such as a sequence diagram from a recorded trace), rendered to PNG or SVG by
 * PlantUML's MIT edition. Sequence and activity diagrams need no Graphviz.
 *
 * <p>A source PlantUML cannot read is an error naming the source, not a picture of the error.
 */
public final class Diagrams {

    private Diagrams() {
    }

    /** The text of {@code notebooks/diagrams/NAME.puml} in this checkout. */
    public static String source(String name) {
        Path file = directory().resolve(name + ".puml");
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("no diagram '" + name + "' (" + file + ")", e);
        }
    }

    public static Path directory() {
        return Checkout.root().resolve("notebooks").resolve("diagrams");
    }

    /** Renders a PlantUML source to an image. */
    public static BufferedImage png(String source) {
        try {
            return ImageIO.read(new ByteArrayInputStream(render(source, FileFormat.PNG)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Renders a PlantUML source to SVG text. */
    public static String svg(String source) {
        return new String(render(source, FileFormat.SVG), StandardCharsets.UTF_8);
    }

    private static byte[] render(String source, FileFormat format) {
        SourceStringReader reader = new SourceStringReader(source);
        if (reader.getBlocks().isEmpty()) {
            throw new IllegalArgumentException("no @startuml ... @enduml block in the diagram source");
        }
        BlockUml block = reader.getBlocks().getFirst();
        if (block.getDiagram() instanceof PSystemError error) {
            throw new IllegalArgumentException("PlantUML cannot read the diagram: " + error.getDescription().getDescription()
                    + " near line " + error.getLineLocation());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            reader.outputImage(out, new FileFormatOption(format));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
