package dev.wirelab.labs.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wirelab.labs.cli.LabCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {

    @TempDir
    Path reports;

    /**
     * A quick run really runs JMH in forked JVMs (two per benchmark here) and leaves JMH's
     * JSON (one entry per benchmark, each with a positive score from both forks), a Markdown
     * table that says how far apart the forks ran, and a chart.
     */
    @Test
    @Timeout(180)
    void quickRunWritesJsonMarkdownAndChart() throws IOException {
        // JMH refuses to run while another JMH run holds /tmp/jmh.lock (a developer benchmarking
        // beside the build). This run checks that the plumbing works, not the figures, so it may share.
        System.setProperty("jmh.ignoreLock", "true");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LabCli.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                "bench", "metrics", "--quick", "--forks", "2", "--filter", "GaugeBenchmark", "--out", reports.toString());
        assertEquals(0, code, out + "\n" + err);

        List<Path> files;
        try (Stream<Path> s = Files.list(reports)) {
            files = s.sorted().toList();
        }
        Path json = files.stream().filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
        JsonNode results = new ObjectMapper().readTree(json.toFile());
        assertEquals(4, results.size(), results.toString());
        for (JsonNode r : results) {
            assertTrue(r.get("benchmark").asText().startsWith("dev.wirelab.bench.metrics.GaugeBenchmark."));
            assertTrue(r.get("primaryMetric").get("score").asDouble() > 0, r.toString());
            assertEquals(2, r.get("forks").asInt(), r.toString());
        }
        Path md = files.stream().filter(p -> p.toString().endsWith(".md")).findFirst().orElseThrow();
        assertTrue(Files.readString(md).contains("| GaugeBenchmark 2threads | guard_enterClose_2threads |"), Files.readString(md));
        assertTrue(files.stream().anyMatch(p -> p.toString().endsWith("-GaugeBenchmark.png")), files.toString());
        assertTrue(out.toString().contains("vs best"), out.toString());
        assertTrue(Files.readString(md).contains("forks apart"), Files.readString(md));
        assertTrue(Files.readString(md).lines().filter(l -> l.startsWith("| GaugeBenchmark"))
                .allMatch(l -> l.matches(".*\\| \\d+\\.\\d\\d× \\|$")), "every row's forks compared: " + Files.readString(md));
    }

    /** A fork count the lab would not run is a usage error that says the range. */
    @Test
    void aForkCountOutsideOneToTenIsAUsageError() {
        for (String bad : new String[] {"0", "11", "-1"}) {
            StringWriter err = new StringWriter();
            int code = LabCli.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                    "bench", "metrics", "--forks", bad, "--out", reports.toString());
            assertEquals(2, code, err.toString());
            assertTrue(err.toString().contains("--forks must be 1 to 10, got " + bad), err.toString());
        }
    }

    /** An unknown suite is a usage error that names the suites there are. */
    @Test
    void unknownSuiteIsAUsageErrorListingTheSuites() {
        StringWriter err = new StringWriter();
        int code = LabCli.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "bench", "nosuch");
        assertEquals(2, code);
        assertTrue(err.toString().contains("parsing, metrics, pools, sched, simd, echo"), err.toString());
    }
}
