package dev.wirelab.core.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LoadReportTest {

    private final LoadSpec spec = LoadSpec.defaults(new InetSocketAddress("127.0.0.1", 9000)).withMessageSize(100);
    private final LoadReport.Latency latency = new LoadReport.Latency(2_000, 12.5, 10, 20, 30, 40, 50);

    @Test
    void ratesFollowFromMessagesAndDuration() {
        LoadReport r = new LoadReport(spec, 4, 0, 2_000, Duration.ofMillis(500), latency, Map.of(), "");
        assertEquals(4_000, r.messagesPerSecond(), 1e-9);
        assertEquals(0.4, r.megabytesPerSecond(), 1e-9);
        assertEquals(200_000, r.bytes());
        assertTrue(r.clean());
    }

    /** Every error kind appears in the report, counted or zero, so scripts never miss a key. */
    @Test
    void listsEveryErrorKind() {
        LoadReport r = new LoadReport(spec, 4, 1, 0, Duration.ZERO, LoadReport.Latency.NONE,
                Map.of(LoadError.CORRUPTED, 2L), "connection 1: \"bad\" byte");
        assertEquals(LoadError.values().length, r.errors().size());
        assertEquals(2, r.errorCount());
        assertFalse(r.clean());
        assertEquals(0, r.messagesPerSecond());
        assertTrue(r.toText().contains("corrupted=2"), r.toText());
        assertTrue(r.toJson().contains("\"errors\":{\"corrupted\":2,\"closed-by-server\":0,\"io-error\":0,\"timeout\":0}"), r.toJson());
        assertTrue(r.toJson().contains("\"firstError\":\"connection 1: \\\"bad\\\" byte\""), r.toJson());
    }

    @Test
    void jsonCarriesTheFiguresAndTheSpec() {
        String json = new LoadReport(spec, 4, 0, 2_000, Duration.ofMillis(500), latency, Map.of(), "").toJson();
        assertTrue(json.startsWith("{\"target\":\"127.0.0.1:9000\",\"spec\":{\"connections\":4,\"messageSize\":100,"), json);
        assertTrue(json.contains("\"messagesPerSecond\":4000.000,\"megabytesPerSecond\":0.400"), json);
        assertTrue(json.contains("\"p99\":30.000,\"p99.9\":40.000,\"max\":50.000,\"coordinatedOmissionCorrected\":false"), json);
    }
}
