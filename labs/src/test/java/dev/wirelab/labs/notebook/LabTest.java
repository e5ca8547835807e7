package dev.wirelab.labs.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.wirelab.core.load.LoadReport;
import dev.wirelab.labs.quiz.Quiz;

/** The notebook facade, exercised the way a notebook cell uses it, without Jupyter. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LabTest {

    /** A cell's output: what the facade printed while {@code cell} ran. */
    private static String printed(Runnable cell) {
        PrintStream old = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            cell.run();
        } finally {
            System.setOut(old);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Every variant the ServiceLoader finds is listed, the seven the course names among them. */
    @Test
    void listsEveryVariantFoundByServiceLoader() {
        String out = printed(Lab::variants);
        for (String name : List.of("blocking", "nio", "netty", "virtual", "virtual-split", "completion", "akka")) {
            assertTrue(out.contains(name + " "), name + " missing from\n" + out);
        }
    }

    /** start, load and stop drive a real server: messages flow, every byte verified, no errors. */
    @Test
    void startsAVariantAndDrivesItWithTheLoadGenerator() {
        LoadReport[] report = new LoadReport[1];
        String out = printed(() -> {
            try (Lab.Server server = Lab.start("nio")) {
                assertTrue(server.port() > 0);
                report[0] = Lab.load(server, 2, 64, 0.3);
            }
        });
        assertTrue(report[0].messages() > 0, "no message echoed");
        assertEquals(0, report[0].errorCount(), report[0].toText());
        assertTrue(out.contains("nio listening on 127.0.0.1:"), out);
        assertTrue(out.contains("msg/s"), out);
    }

    /** An unknown variant is one clear message listing what there is. */
    @Test
    void anUnknownVariantNamesTheOnesThereAre() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Lab.start("nope"));
        assertTrue(e.getMessage().contains("nio"), e.getMessage());
    }

    /** The timer reports per-call time and the allocation of the body: zero for a body that allocates nothing. */
    @Test
    void timesABodyAndSeesWhatItAllocates() {
        long[] counter = new long[1];
        Object[] escape = new Object[1]; // stored where the JIT cannot prove it dead, so it is really allocated
        Lab.Timing[] t = new Lab.Timing[2];
        printed(() -> {
            t[0] = Lab.time("add", () -> ++counter[0]);
            t[1] = Lab.time("allocate 1 KiB", () -> {
                escape[0] = new byte[1024];
                return counter[0]++;
            });
        });
        assertTrue(t[0].nanosPerOp() > 0 && t[0].ops() > 1000, t[0].toString());
        assertTrue(t[0].bytesPerOp() < 1, "a loop that allocates nothing measured " + t[0].bytesPerOp() + " B/op");
        assertTrue(t[1].bytesPerOp() >= 1024, "a 1 KiB array per call measured " + t[1].bytesPerOp() + " B/op");
    }

    /** A right answer prints the counted "correct" line; a wrong one prints "wrong" and does not throw. */
    @Test
    void gradesRightAndWrongAnswersWithoutThrowing() {
        String right = Quiz.check("05-backpressure", 1, "b").correct() ? "b" : "a";
        String out = printed(() -> {
            Lab.answer("5", 1, right);
            Lab.answer("backpressure", 1, right.equals("a") ? "c" : "a");
        });
        assertTrue(out.contains("quiz 05-backpressure question 1: correct"), out);
        assertTrue(out.contains("quiz 05-backpressure question 1: wrong"), out);
        assertTrue(out.contains("Not quite"), out);
    }

    /** An answer that names no option of the question is an error, not a wrong answer. */
    @Test
    void anUnreadableAnswerIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> Lab.answer("05-backpressure", 1, "z"));
    }

    /** Charts come back as images a kernel can display. */
    @Test
    void drawsChartsAsImages() {
        BufferedImage bars = Lab.bars("t", "y", Lab.pairs("a", 1, "b", 2.5));
        BufferedImage lines = Lab.lines("t", "x", "y", Lab.curves("s", new double[][] {{0, 1, 2}, {1, 4, 9}}));
        assertTrue(bars.getWidth() > 100 && bars.getHeight() > 100);
        assertTrue(lines.getWidth() > 100 && lines.getHeight() > 100);
        assertThrows(IllegalArgumentException.class, () -> Lab.pairs("odd"));
    }

    /** xy turns records into the {xs, ys} a line chart takes. */
    @Test
    void extractsXyFromRecords() {
        record P(int t, int v) {
        }
        double[][] xy = Lab.xy(List.of(new P(1, 10), new P(2, 20)), P::t, P::v);
        assertEquals(List.of(1.0, 2.0), List.of(xy[0][0], xy[0][1]));
        assertEquals(List.of(10.0, 20.0), List.of(xy[1][0], xy[1][1]));
    }

    /** Tables print aligned with their header. */
    @Test
    void printsATable() {
        String out = printed(() -> Lab.table("variant", "msg/s").row("nio", "1,000").show());
        assertTrue(out.startsWith("variant"), out);
        assertTrue(out.contains("nio"), out);
    }

    /** Every diagram source in notebooks/diagrams renders, to PNG and to SVG. */
    @Test
    void rendersEveryDiagramSource() throws Exception {
        List<String> names;
        try (var files = java.nio.file.Files.list(Diagrams.directory())) {
            names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".puml"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
        }
        assertEquals(List.of("actor-echo", "backpressure", "pool-lease", "selector-loop", "split-reader-writer"), names);
        for (String name : names) {
            BufferedImage png = Lab.diagram(name);
            assertTrue(png.getWidth() > 100 && png.getHeight() > 100, name);
            assertTrue(Diagrams.svg(Diagrams.source(name)).contains("<svg"), name);
        }
    }

    /** A source PlantUML cannot read is an error naming the problem, not a picture of an error. */
    @Test
    void aBrokenDiagramSourceIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Diagrams.png("@startuml\nthis is -> -> not a diagram ((\n@enduml\n"));
        assertTrue(e.getMessage().contains("PlantUML"), e.getMessage());
    }

    /** The akka trace of one echo has the pull-read and acknowledged-write messages, and its diagram renders. */
    @Test
    void tracesOneAkkaEchoAndDrawsItsSequence() {
        var steps = new java.util.concurrent.atomic.AtomicReference<List<dev.wirelab.core.trace.MessageTrace.Step>>();
        String out = printed(() -> steps.set(Lab.traceAkkaEcho("hello\n")));
        List<String> messages = steps.get().stream().map(dev.wirelab.core.trace.MessageTrace.Step::message).toList();
        assertTrue(messages.contains("ResumeReading"), messages.toString());
        assertTrue(messages.contains("Received(6 B)"), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("Write(6 B")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("Written(6 B)")), messages.toString());
        assertTrue(out.contains("sent and got back 6 B"), out);
        BufferedImage diagram = Lab.sequence(steps.get(), "one echo");
        assertTrue(diagram.getHeight() > 200, "a sequence of " + steps.get().size() + " messages");
    }

    /** pairs keeps the order given, which is the order of the bars. */
    @Test
    void pairsKeepTheirOrder() {
        Map<String, Double> m = Lab.pairs("z", 1, "a", 2, "m", 3);
        assertEquals(List.of("z", "a", "m"), List.copyOf(m.keySet()));
    }
}
