package dev.wirelab.labs.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * The per-message cost the tour prints, computed from hand-made /proc texts and readings whose
 * right answer is worked out in each test: a wrong field index or a lost thread would show
 * as a wrong figure in every report.
 */
class MessageCostTest {

    /** A real line's shape, with a command name that holds spaces and a parenthesis. */
    private static final String STAT = "4242 (java (lab) x) S 4000 4242 4000 0 -1 4194560 51000 0 12 0 "
            + "1234 567 0 0 20 0 33 0 98765 4000000000 30000 18446744073709551615";

    private static final String STATUS = """
            Name:\tjava
            State:\tS (sleeping)
            Tgid:\t4242
            voluntary_ctxt_switches:\t1500
            nonvoluntary_ctxt_switches:\t27
            """;

    /** utime and stime are fields 14 and 15, counted after the command name's last ')'. */
    @Test
    void cpuTicksAreUserPlusSystemTimeFromStat() {
        assertEquals(1234 + 567, ProcCounters.cpuTicks(STAT));
    }

    @Test
    void rejectsStatTextWithoutEnoughFields() {
        assertThrows(IllegalArgumentException.class, () -> ProcCounters.cpuTicks("4242 (java) S 1 2"));
        assertThrows(IllegalArgumentException.class, () -> ProcCounters.cpuTicks("no parenthesis here"));
    }

    @Test
    void contextSwitchesAreReadFromTheirTwoStatusLines() {
        assertEquals(new ProcCounters.Switches(1500, 27), ProcCounters.switches(STATUS));
        assertThrows(IllegalArgumentException.class, () -> ProcCounters.switches("Name:\tjava\n"));
    }

    /**
     * 2 s of CPU (200 ticks at 100 Hz) for 400,000 messages is 5 s per million (5 µs each);
     * thread 1 switched 300 + 100 times, thread 2 100 + 0: 500 in all, 0.00125 per message.
     */
    @Test
    void costIsTheDifferenceBetweenFirstAndLastReadingPerMessage() {
        CostMeter meter = new CostMeter();
        meter.add(counters(1000, Map.of(1L, sw(1000, 50), 2L, sw(200, 10))), 100_000);
        meter.add(counters(1100, Map.of(1L, sw(1150, 90), 2L, sw(250, 10))), 300_000);
        meter.add(counters(1200, Map.of(1L, sw(1300, 150), 2L, sw(300, 10))), 500_000);

        MessageCost cost = meter.cost(100).orElseThrow();
        assertEquals(400_000, cost.messages());
        assertEquals(Duration.ofSeconds(2), cost.cpu());
        assertEquals(5.0, cost.cpuSecondsPerMillion(), 1e-9);
        assertEquals(400, cost.voluntarySwitches());
        assertEquals(100, cost.involuntarySwitches());
        assertEquals(500 / 400_000.0, cost.switchesPerMessage(), 1e-12);
        assertEquals(400 / 400_000.0, cost.voluntaryPerMessage(), 1e-12);
    }

    /**
     * A thread born inside the window counts from zero; a thread that ended keeps what it did
     * until its last reading. Thread 1 lives throughout (+10), thread 2 ends after the middle
     * reading (+20 by then), thread 3 is born after the first reading (+5 since birth).
     */
    @Test
    void threadsThatEndOrStartInsideTheWindowAreCharged() {
        CostMeter meter = new CostMeter();
        meter.add(counters(0, Map.of(1L, sw(100, 0), 2L, sw(40, 0))), 0);
        meter.add(counters(0, Map.of(1L, sw(105, 0), 2L, sw(60, 0), 3L, sw(2, 0))), 10);
        meter.add(counters(0, Map.of(1L, sw(110, 0), 3L, sw(5, 0))), 20);

        assertEquals(10 + 20 + 5, meter.cost(100).orElseThrow().voluntarySwitches());
    }

    @Test
    void noCostWithoutTwoReadingsOrWithoutMessages() {
        CostMeter one = new CostMeter();
        one.add(counters(10, Map.of()), 5);
        assertEquals(Optional.empty(), one.cost(100));

        CostMeter idle = new CostMeter();
        idle.add(counters(10, Map.of()), 5);
        idle.add(counters(20, Map.of()), 5);
        assertEquals(Optional.empty(), idle.cost(100));
    }

    /** Another tick rate scales the CPU time: 250 ticks at 250 Hz is one second. */
    @Test
    void clockTickRateIsHonoured() {
        CostMeter meter = new CostMeter();
        meter.add(counters(0, Map.of()), 0);
        meter.add(counters(250, Map.of()), 1_000_000);
        assertEquals(1.0, meter.cost(250).orElseThrow().cpuSecondsPerMillion(), 1e-9);
    }

    @Test
    void theTableShowsSwitchesWithTheirVoluntaryShare() {
        MessageCost cost = new MessageCost(1000, Duration.ofMillis(3), 900, 30);
        assertEquals("0.93 (0.90 vol)", TourReport.switches(cost));
        assertEquals(3.0, cost.cpuSecondsPerMillion(), 1e-9);
    }

    /** This JVM's own counters: it has run, so it has used CPU, and it has more than one thread. */
    @Test
    void readsALiveProcessOnLinux() {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(java.nio.file.Path.of("/proc/self/task")),
                "no /proc here (not Linux): the tour reports no per-message cost on this OS");
        ProcCounters self = ProcCounters.read(ProcessHandle.current().pid()).orElseThrow();
        assertTrue(self.cpuTicks() > 0, "cpu ticks " + self.cpuTicks());
        assertTrue(self.threads().size() > 1, "threads " + self.threads().keySet());
        assertTrue(ProcCounters.ticksPerSecond() > 0);
    }

    private static ProcCounters counters(long ticks, Map<Long, ProcCounters.Switches> threads) {
        return new ProcCounters(ticks, threads);
    }

    private static ProcCounters.Switches sw(long voluntary, long involuntary) {
        return new ProcCounters.Switches(voluntary, involuntary);
    }
}
