package dev.wirelab.core.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** Reports from several load generators merge into exactly the report of one that saw everything. */
class LoadReportMergeTest {

    private final LoadSpec spec = LoadSpec.defaults(new InetSocketAddress("198.18.0.1", 7007)).withConnections(8);

    /**
     * Three clients with different latency shapes (one has a slow tail): the merged histogram
     * equals, value for value, one histogram that recorded every message, and so does every
     * percentile. Averaging the three p99s instead would be wrong by far; the test shows that too.
     */
    @Test
    void mergedHistogramEqualsOneHistogramRecordingEverything() {
        SplittableRandom random = new SplittableRandom(42);
        Histogram everything = new Histogram(3);
        List<LoadReport> parts = new ArrayList<>();
        double meanOfP99s = 0;
        int[] slowEvery = {1_000_000, 1_000_000, 20}; // the third client alone sees a slow tail (5% of its messages)
        for (int every : slowEvery) {
            Histogram mine = new Histogram(3);
            for (int i = 0; i < 20_000; i++) {
                long nanos = i % every == every - 1 ? 50_000_000 + random.nextLong(50_000_000) : 20_000 + random.nextLong(40_000);
                mine.recordValue(nanos);
                everything.recordValue(nanos);
            }
            LoadReport part = new LoadReport(spec, 8, 0, mine.getTotalCount(), Duration.ofMillis(1000),
                    LoadReport.Latency.fromNanos(mine), Map.of(), "");
            meanOfP99s += part.latency().p99() / slowEvery.length;
            parts.add(part);
        }

        LoadReport merged = LoadReport.merge(parts);

        assertEquals(everything, merged.latency().nanos(), "merged histogram = the histogram of everything");
        LoadReport.Latency expected = LoadReport.Latency.fromNanos(everything);
        LoadReport.Latency got = merged.latency();
        // the figures, every one of them (the encoded bytes may differ: a histogram's array grows as it is filled)
        assertEquals(expected, new LoadReport.Latency(got.count(), got.mean(), got.p50(), got.p90(), got.p99(), got.p999(),
                got.max(), expected.histogram()));
        assertEquals(60_000, merged.messages());
        assertEquals(24, merged.spec().connections());
        assertEquals(24, merged.connected());
        assertTrue(Math.abs(meanOfP99s - merged.latency().p99()) > 0.2 * merged.latency().p99(),
                "averaging percentiles would give " + meanOfP99s + " µs, the true p99 is " + merged.latency().p99());
    }

    /** Errors and connect failures add up; the rate is total messages over the longest measured window. */
    @Test
    void countsAndErrorsAddUp() {
        Histogram h = new Histogram(3);
        h.recordValue(30_000);
        LoadReport a = new LoadReport(spec, 7, 1, 1_000, Duration.ofMillis(900), LoadReport.Latency.fromNanos(h),
                Map.of(LoadError.TIMEOUT, 1L), "connection 3: timed out");
        LoadReport b = new LoadReport(spec, 8, 0, 3_000, Duration.ofMillis(1000), LoadReport.Latency.fromNanos(h), Map.of(), "");
        LoadReport merged = LoadReport.merge(List.of(b, a));
        assertEquals(1, merged.connectFailures());
        assertEquals(1, merged.errors().get(LoadError.TIMEOUT));
        assertEquals("connection 3: timed out", merged.firstError());
        assertEquals(4_000, merged.messagesPerSecond(), 1e-9);
        assertEquals(2, merged.latency().count());
    }

    /** The encoded histogram travels in the JSON report, so a report printed on another host can be merged here. */
    @Test
    void jsonCarriesTheEncodedHistogram() {
        Histogram h = new Histogram(3);
        h.recordValue(12_345);
        LoadReport r = new LoadReport(spec, 8, 0, 1, Duration.ofMillis(10), LoadReport.Latency.fromNanos(h), Map.of(), "");
        assertTrue(r.toJson().contains("\"histogram\":\"" + r.latency().histogram() + "\""), r.toJson());
        assertEquals(h, new LoadReport.Latency(1, 0, 0, 0, 0, 0, 0, r.latency().histogram()).nanos());
    }

    @Test
    void refusesToMergeWhatCannotBeMerged() {
        LoadReport noHistogram = new LoadReport(spec, 8, 0, 1, Duration.ofMillis(10),
                new LoadReport.Latency(1, 1, 1, 1, 1, 1, 1), Map.of(), "");
        assertThrows(IllegalStateException.class, () -> LoadReport.merge(List.of(noHistogram)));
        Histogram h = new Histogram(3);
        LoadReport small = new LoadReport(spec, 8, 0, 0, Duration.ZERO, LoadReport.Latency.fromNanos(h), Map.of(), "");
        LoadReport large = new LoadReport(spec.withMessageSize(1024), 8, 0, 0, Duration.ZERO, LoadReport.Latency.fromNanos(h), Map.of(), "");
        assertThrows(IllegalArgumentException.class, () -> LoadReport.merge(List.of(small, large)));
    }
}
