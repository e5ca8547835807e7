package dev.wirelab.labs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesTest {

    @TempDir
    Path dir;

    private final LocalDateTime when = LocalDateTime.of(2026, 11, 22, 4, 15, 0);

    @Test
    void namesReportsByKindAndTimestamp() throws IOException {
        Path base = new ReportFiles(dir).reserve("tour", when, "md", "json");
        assertEquals(dir.resolve("tour-20261122-041500"), base);
        assertEquals(dir.resolve("tour-20261122-041500.json"), ReportFiles.withExtension(base, "json"));
    }

    /** A report written in the same second as an earlier one gets a new name: nothing is overwritten. */
    @Test
    void neverReusesAnExistingName() throws IOException {
        ReportFiles files = new ReportFiles(dir);
        Path first = files.reserve("tour", when, "md", "json");
        Files.writeString(ReportFiles.withExtension(first, "json"), "{}");
        Path second = files.reserve("tour", when, "md", "json");
        assertNotEquals(first, second);
        assertEquals(dir.resolve("tour-20261122-041500-2"), second);
    }

    /** Charts are real PNG images of the promised size, drawn without a display. */
    @Test
    void drawsGroupedBarsAndLinesAsPng() throws IOException {
        Path bars = dir.resolve("bars.png");
        Charts.groupedBars(bars, "msgs/s", "msgs/s", List.of("64x64B", "1x64B"),
                Map.of("nio", List.of(100.0, 20.0), "netty", List.of(90.0, 25.0)));
        Path lines = dir.resolve("lines.png");
        Charts.lines(lines, "latency", "percentile", "µs", false, true,
                Map.of("nio", new double[][] {{50, 90, 99}, {10, 20, 80}}));
        for (Path png : List.of(bars, lines)) {
            BufferedImage image = ImageIO.read(png.toFile());
            assertEquals(1000, image.getWidth(), png.toString());
            assertEquals(560, image.getHeight(), png.toString());
            assertTrue(Files.size(png) > 2_000, "a chart with content is more than a blank image: " + Files.size(png));
        }
    }
}
