package dev.wirelab.labs.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wirelab.labs.cli.LabCli;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lab tour --protocol http --quick} end to end for the two variants its goal compares:
 * the selector server and the netty-http twin, each in its own JVM, driven by wrk through both
 * scenarios, with every request answered 200 and a report, goals and chart written. Bounded:
 * about a minute. wrk is required in CI (.ci/run installs it); elsewhere a missing wrk skips
 * this test with the install line.
 */
class HttpTourIT {

    @TempDir
    Path reports;

    @Test
    @Timeout(240)
    void quickHttpTourDrivesTheSelectorAndTheTwinWithWrkWithoutErrors() throws Exception {
        boolean ci = "true".equals(System.getenv("CI"));
        if (!ci) {
            Assumptions.assumeTrue(WrkClient.onPath("wrk").isPresent(), WrkClient.installHint());
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LabCli.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                "tour", "--protocol", "http", "--quick", "--variants", "nio,netty-http", "--out", reports.toString());
        assertEquals(0, code, out + "\n" + err);

        Path json;
        try (Stream<Path> files = Files.list(reports)) {
            json = files.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
        }
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertTrue(root.get("client").asText().startsWith("wrk"), root.toString());
        Set<String> seen = new HashSet<>();
        for (JsonNode run : root.get("runs")) {
            String where = run.get("variant").asText() + " " + run.get("scenario").asText();
            seen.add(where);
            assertFalse(run.has("failure"), where + ": " + run.path("failure").asText());
            assertTrue(run.get("requests").asLong() > 0, where + " served nothing");
            assertEquals(0, run.get("errors").asLong(), where);
            assertEquals(0, run.get("bad_status").asLong(), where);
        }
        assertEquals(Set.of("nio plaintext", "nio pipelined", "netty-http plaintext", "netty-http pipelined"), seen);
        assertTrue(out.toString().contains("goal plaintext: nio >= 1.0x netty-http"), out.toString());
        String base = json.getFileName().toString().replace(".json", "");
        assertTrue(Files.size(reports.resolve(base + "-rate.png")) > 2_000);
    }
}
