package dev.wirelab.labs.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;

import dev.wirelab.core.load.LoadError;
import dev.wirelab.core.load.LoadReport;
import dev.wirelab.core.load.LoadSpec;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** What a client host prints is all the tour gets: the JSON must carry everything a merge needs. */
class LoadReportJsonTest {

    @Test
    void aReportSurvivesTheTripThroughJson() {
        Histogram h = new Histogram(3);
        for (long v = 10_000; v < 5_000_000; v += 7_919) {
            h.recordValue(v);
        }
        LoadSpec spec = LoadSpec.defaults(new InetSocketAddress("198.18.0.1", 7007)).withConnections(16).withMessageSize(512)
                .withPipeline(4).withDuration(Duration.ofMillis(1500)).withWarmup(Duration.ofMillis(500));
        LoadReport sent = new LoadReport(spec, 15, 1, h.getTotalCount(), Duration.ofMillis(1499), LoadReport.Latency.fromNanos(h),
                Map.of(LoadError.TIMEOUT, 2L), "connection 4: timed out");

        LoadReport read = LoadReportJson.parse(sent.toJson());

        assertEquals(h, read.latency().nanos());
        assertEquals(sent.latency().p99(), read.latency().p99());
        assertEquals(sent.messages(), read.messages());
        assertEquals(sent.duration(), read.duration());
        assertEquals(sent.errors(), read.errors());
        assertEquals("198.18.0.1:7007", read.spec().targetText());
        assertEquals(16, read.spec().connections());
        assertEquals(512, read.spec().messageSize());
        assertEquals(4, read.spec().pipeline());
        assertEquals(sent.firstError(), read.firstError());
    }

    @Test
    void somethingElseIsNotAReport() {
        assertThrows(IllegalArgumentException.class, () -> LoadReportJson.parse("lab load: connection refused"));
        assertThrows(IllegalArgumentException.class, () -> LoadReportJson.parse("{\"target\":\"x:1\"}"));
    }
}
