package dev.wirelab.labs.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wirelab.core.echo.EchoServerProvider;
import dev.wirelab.core.protocol.Protocol;
import dev.wirelab.labs.cli.LabCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, end to end: {@code lab tour --quick} starts every variant in a
 * JVM of its own, drives each through every scenario, and leaves a JSON report in which every
 * variant ran every scenario, with messages echoed and not one error.
 */
class TourIT {

    @TempDir
    Path reports;

    @Test
    @Timeout(300)
    void quickTourRunsEveryVariantThroughEveryScenarioWithoutErrors() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LabCli.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                "tour", "--quick", "--out", reports.toString());
        assertEquals(0, code, out + "\n" + err);

        Path json;
        try (Stream<Path> files = Files.list(reports)) {
            json = files.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
        }
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        List<String> expected = EchoServerProvider.all().stream().filter(p -> p.protocols().contains(Protocol.ECHO))
                .map(EchoServerProvider::name).toList();
        assertTrue(expected.containsAll(List.of("blocking", "nio", "netty", "virtual", "akka")), expected.toString());

        Set<String> seen = new HashSet<>();
        for (JsonNode variant : root.get("variants")) {
            String name = variant.get("variant").asText();
            seen.add(name);
            assertFalse(variant.has("failure"), name + " failed: " + variant.path("failure").asText());
            Set<String> scenarios = new HashSet<>();
            for (JsonNode run : variant.get("scenarios")) {
                String where = name + " " + run.get("scenario").asText();
                scenarios.add(run.get("scenario").asText());
                assertTrue(run.get("msgsPerSecond").asDouble() > 0, where + " echoed nothing");
                assertEquals(0, run.get("connectFailures").asLong(), where);
                run.get("errors").properties().forEach(e -> assertEquals(0, e.getValue().asLong(), where + " " + e.getKey()));
            }
            assertEquals(Set.of("latency", "rate", "bandwidth"), scenarios, name);
        }
        assertEquals(Set.copyOf(expected), seen);

        // The human side: the table, the goals, and the charts next to the JSON.
        assertTrue(out.toString().contains("vs best") && out.toString().contains("Goals"), out.toString());
        String base = json.getFileName().toString().replace(".json", "");
        assertTrue(Files.size(reports.resolve(base + "-rate.png")) > 2_000);
        assertTrue(Files.size(reports.resolve(base + "-latency.png")) > 2_000);
        assertTrue(Files.readString(reports.resolve(base + ".md")).contains("| latency 1×64B |"));
    }
}
