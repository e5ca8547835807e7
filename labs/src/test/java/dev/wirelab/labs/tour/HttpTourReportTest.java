package dev.wirelab.labs.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class HttpTourReportTest {

    /** wrk's figures come from the done() hook's JSON line, wherever it sits in wrk's output. */
    @Test
    void readsWrksFiguresFromTheJsonLineOfTheDoneHook() {
        Optional<WrkClient.Figures> figures = WrkClient.parse(List.of("Running 5s test @ http://127.0.0.1:1/plaintext",
                "WIRELAB-JSON {\"requests\":150000,\"duration_us\":5000000,\"bytes\":1,\"connect_errors\":0,\"read_errors\":2,"
                        + "\"write_errors\":0,\"timeouts\":1,\"bad_status\":4,\"p50_us\":210.5,\"p90_us\":400.0,\"p99_us\":900.2,\"max_us\":5000.0}",
                "Requests/sec: 30000.00"));

        WrkClient.Figures f = figures.orElseThrow();
        assertEquals(30_000.0, f.requestsPerSecond(), 0.01);
        assertEquals(3, f.errors(), "read errors and timeouts are transport errors");
        assertEquals(4, f.badStatus());
        assertEquals(900.2, f.p99Micros(), 1e-9);
        assertTrue(WrkClient.parse(List.of("unable to connect to 127.0.0.1:1 Connection refused")).isEmpty());
    }

    /** The goal compares nio with the twin in this run only, per scenario, and any error fails the clean goal. */
    @Test
    void checksTheGoalsAgainstThisRunsFigures() {
        HttpTour.Result result = new HttpTour.Result(LocalDateTime.now(), "m", "s", "wrk", List.of(
                row("nio", HttpTour.Scenario.PLAINTEXT, 100_000, 0), row("netty-http", HttpTour.Scenario.PLAINTEXT, 90_000, 0),
                row("nio", HttpTour.Scenario.PIPELINED, 400_000, 0), row("netty-http", HttpTour.Scenario.PIPELINED, 500_000, 2)));

        List<String> goals = new HttpTourReport(result).goals();

        assertEquals("goal plaintext: nio >= 1.0x netty-http requests/s: 1.11x -> MET", goals.get(0));
        assertEquals("goal pipelined: nio >= 1.0x netty-http requests/s: 0.80x -> NOT MET", goals.get(1));
        assertTrue(goals.get(2).endsWith("NOT MET (1 run(s) with errors, bad statuses, no requests or no figures)"), goals.get(2));
        assertFalse(result.clean());
    }

    /** A p99 below the median (wrk 4.1 answers 0 on some pipelined runs) is shown as missing, not as 0 µs. */
    @Test
    void showsAnImpossibleP99AsMissing() {
        WrkClient.Figures broken = new WrkClient.Figures(1_000, Duration.ofSeconds(1), 0, 0, 390, 0, 5_000);
        HttpTour.Result result = new HttpTour.Result(LocalDateTime.now(), "m", "s", "wrk", List.of(
                new HttpTour.Row("nio", HttpTour.Scenario.PIPELINED, Optional.of(broken), Optional.empty(), Optional.empty()),
                row("netty-http", HttpTour.Scenario.PIPELINED, 500, 0)));

        String markdown = new HttpTourReport(result).toMarkdown();

        assertFalse(broken.p99Known());
        assertTrue(markdown.contains("| nio | pipelined | 1,000 | 1.00 | 390 | n/a |"), markdown);
        assertTrue(markdown.contains("| netty-http | pipelined | 500 | 0.50 | 100 | 200 |"), markdown);
        assertTrue(markdown.contains("n/a: wrk reported a 99th percentile below its median"), markdown);
    }

    private static HttpTour.Row row(String variant, HttpTour.Scenario scenario, long requestsPerSecond, long badStatus) {
        WrkClient.Figures f = new WrkClient.Figures(requestsPerSecond, Duration.ofSeconds(1), 0, badStatus, 100, 200, 300);
        return new HttpTour.Row(variant, scenario, Optional.of(f), Optional.of(Duration.ofMillis(900)), Optional.empty());
    }
}
