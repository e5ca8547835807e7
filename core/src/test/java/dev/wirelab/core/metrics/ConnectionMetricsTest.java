package dev.wirelab.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ConnectionMetricsTest {

    /** A snapshot copies each counter once and does not change when the counters move on. */
    @Test
    void snapshotHoldsTheValuesAtTheTimeItWasTaken() {
        ConnectionMetrics m = new ConnectionMetrics();
        m.accepted().add(3);
        m.refused().increment();
        m.closed().add(2);
        m.idleTimeouts().increment();
        m.errors().increment();
        m.bytesRead().add(1500);
        m.bytesWritten().add(1400);
        Gauge.Guard first = m.active().enter();
        Gauge.Guard second = m.active().enter();
        second.close();

        ConnectionMetrics.Snapshot s = m.snapshot();
        assertEquals(new ConnectionMetrics.Snapshot(3, 1, 2, 1, 1, 1, 2, 1500, 1400), s);

        first.close();
        m.bytesRead().add(10);
        assertEquals(1, s.active());
        assertEquals(1500, s.bytesRead());
        assertEquals(0, m.snapshot().active());
    }
}
