package dev.wirelab.labs.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class TuneExperimentTest {

    private final TuneExperiment experiment = new TuneExperiment("nio", Duration.ofMillis(300), Duration.ofMillis(100));

    /**
     * Every Nagle case runs against a fresh server with its own settings and echoes cleanly;
     * split writes and Nagle change timing, never the bytes.
     */
    @Test
    @Timeout(60)
    void nagleCasesAllEchoCleanly() throws Exception {
        List<TuneExperiment.Case> cases = experiment.nagle(step -> { });
        assertEquals(5, cases.size());
        for (TuneExperiment.Case c : cases) {
            assertTrue(c.report().clean(), c.label() + ": " + c.report().firstError());
            assertTrue(c.report().messages() > 0, c.label() + " echoed nothing");
        }
        assertTrue(cases.get(2).server().contains("nodelay off"), cases.get(2).server());
        assertTrue(cases.get(3).client().contains("nodelay off") && cases.get(3).client().contains("at most 32 B"),
                cases.get(3).client());
    }

    @Test
    @Timeout(60)
    void bufferCasesSetBothEnds() throws Exception {
        List<TuneExperiment.Case> cases = experiment.buffers(step -> { });
        assertEquals(3, cases.size());
        assertTrue(cases.get(1).server().contains("sndbuf/rcvbuf 8192"), cases.get(1).server());
        assertTrue(cases.get(1).client().contains("sndbuf 8192, rcvbuf 8192"), cases.get(1).client());
        cases.forEach(c -> assertTrue(c.report().clean() && c.report().messages() > 0, c.label()));
    }
}
