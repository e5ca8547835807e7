package dev.wirelab.labs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class ExperimentCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int lab(String... args) {
        return LabCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @TempDir
    Path reports;

    /** flow prints its settings line, a header, one row per handoff, and where its charts went. */
    @Test
    void flowPrintsOneRowPerHandoff() throws Exception {
        assertEquals(0, lab("experiment", "flow", "--seconds", "0.2", "--out", reports.toString()), err.toString());
        String text = out.toString();
        assertTrue(text.startsWith("producer 50,000 items/s of 1,024 B, consumer 5,000 items/s"), text);
        assertTrue(text.contains("bounded ArrayBlockingQueue(1024)"), text);
        assertTrue(text.contains("SubmissionPublisher(1024) + request(1)"), text);
        assertTrue(text.contains("unbounded LinkedBlockingQueue"), text);
        assertEquals(6, text.lines().count(), text);
        assertTrue(text.lines().toList().getLast().startsWith("wrote " + reports), text);
        try (var files = Files.list(reports)) {
            List<Path> pngs = files.filter(p -> p.toString().endsWith(".png")).toList();
            assertEquals(2, pngs.size(), pngs.toString());
            for (Path png : pngs) {
                assertTrue(Files.size(png) > 2_000, png + " looks empty");
            }
        }
    }

    /** sched prints every scheduler, all correct, and the measured work-stealing ratio. */
    @Test
    void schedPrintsEverySchedulerAndTheRatio() {
        assertEquals(0, lab("experiment", "sched", "--seconds", "0.5", "--seed", "7"), err.toString());
        String text = out.toString();
        for (String label : new String[] {"fixed pool, shared queue", "ForkJoinPool, work stealing",
                "virtual thread per task", "static partition, no balancing"}) {
            assertTrue(text.contains(label), label + " missing:\n" + text);
        }
        assertTrue(text.contains("seed 7"), text);
        assertTrue(text.matches("(?s).*work stealing vs fixed pool: \\d+\\.\\d\\dx.*"), text);
        assertTrue(!text.contains(" NO"), "a scheduler lost or repeated a task:\n" + text);
    }

    /** A nonsensical duration is one clear line and a usage exit code. */
    @Test
    void rejectsANonPositiveDuration() {
        assertEquals(2, lab("experiment", "flow", "--seconds", "0"));
        assertTrue(err.toString().contains("--seconds must be more than 0"), err.toString());
    }

    /** Without an experiment name, the error says which names exist. */
    @Test
    void namesTheExperimentsWhenNoneIsGiven() {
        assertEquals(2, lab("experiment"));
        for (String name : new String[] {"flow", "sched", "sendfile", "tune"}) {
            assertTrue(err.toString().contains("'lab experiment " + name + "'"), err.toString());
        }
    }

    /** Every experiment, wherever its module is, is listed under lab experiment with a complete sentence. */
    @Test
    void listsEveryExperimentWithItsSummary() {
        assertEquals(0, lab("experiment", "--help"));
        String text = out.toString();
        assertTrue(text.matches("(?s).*sendfile\\s+Zero-copy: serve one file.*"), text);
        assertTrue(text.matches("(?s).*tune\\s+OS tuning: print the kernel's TCP settings.*"), text);
    }

    /** lab tune is the same command as lab experiment tune. */
    @Test
    void tuneIsAnAliasOfTheTuneExperiment() {
        assertEquals(0, lab("tune", "--settings-only"), err.toString());
        String alias = out.toString();
        out.getBuffer().setLength(0);
        assertEquals(0, lab("experiment", "tune", "--settings-only"), err.toString());
        assertTrue(alias.startsWith("Kernel TCP settings (read from /proc/sys"), alias);
        assertEquals(alias.lines().count(), out.toString().lines().count());
    }

    /** A bad value of an experiment's own option is one line and exit code 2, like any bad input. */
    @Test
    void rejectsABadOptionValueInOneLine() {
        assertEquals(2, lab("experiment", "sendfile", "--mib", "0"));
        assertEquals("lab experiment sendfile: --mib must be 1 to 1024, was 0 (see 'lab experiment sendfile --help')",
                err.toString().strip());
    }
}
