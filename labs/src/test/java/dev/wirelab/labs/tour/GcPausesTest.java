package dev.wirelab.labs.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** GC pauses are read from the server's own GC log lines, and only from pause lines. */
class GcPausesTest {

    @Test
    void countsPauseLinesAndTheirLengths() {
        GcPauses pauses = GcPauses.from(List.of(
                "[0.012s][info][gc] Using Serial",
                "listening 127.0.0.1:4242",
                "[3.101s][info][gc] GC(0) Pause Young (Allocation Failure) 40M->3M(150M) 2.500ms",
                "nio (selector), loops=1; Ctrl-C stops it",
                "[7.250s][info][gc] GC(1) Pause Young (Normal) (G1 Evacuation Pause) 52M->4M(256M) 0.750ms",
                "[9.000s][info][gc] GC(2) Concurrent Mark Cycle 12.000ms"));
        assertEquals(2, pauses.count());
        assertEquals(3.25, pauses.totalMillis(), 1e-9);
        assertEquals(2.5, pauses.maxMillis(), 1e-9);
    }

    @Test
    void noPauseLinesMeansNoPauses() {
        assertEquals(new GcPauses(0, 0, 0), GcPauses.from(List.of("listening 127.0.0.1:1", "stopped: accepted=1")));
        assertEquals(Optional.empty(), GcPauses.pauseMillis("[1.0s][info][gc] Using G1"));
    }
}
