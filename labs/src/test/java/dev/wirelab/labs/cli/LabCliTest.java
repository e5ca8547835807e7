package dev.wirelab.labs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import dev.wirelab.labs.doctor.Check;
import dev.wirelab.labs.doctor.Doctor;
import org.junit.jupiter.api.Test;

class LabCliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int lab(String... args) {
        return LabCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    /** --version names the project version the build stamped, not a placeholder. */
    @Test
    void versionNamesTheBuiltVersion() {
        assertEquals(0, lab("--version"));
        assertTrue(out.toString().startsWith("wirelab 0."), out.toString());
        assertFalse(out.toString().contains("${"), "version was not filtered: " + out);
    }

    @Test
    void helpListsDoctor() {
        assertEquals(0, lab("--help"));
        assertTrue(out.toString().contains("doctor"), out.toString());
    }

    /** An unknown subcommand is a usage error: non-zero exit and a message on stderr. */
    @Test
    void unknownCommandFailsWithMessage() {
        assertEquals(2, lab("no-such-command"));
        assertTrue(err.toString().contains("no-such-command"), err.toString());
    }

    /**
     * lab --help gives every command a complete sentence (picocli lists only the first line of a
     * description, so a sentence spread over two lines shows up cut in half).
     */
    @Test
    void helpGivesEveryCommandACompleteSummary() {
        assertEquals(0, lab("--help"));
        List<String> entries = new java.util.ArrayList<>();
        boolean inCommands = false;
        for (String line : out.toString().lines().toList()) {
            if (line.equals("Commands:")) {
                inCommands = true;
            } else if (inCommands && line.matches("  \\S.*")) {
                entries.add(line.strip());
            } else if (inCommands && line.matches("\\s{3,}\\S.*") && !entries.isEmpty()) {
                entries.set(entries.size() - 1, entries.getLast() + " " + line.strip());
            }
        }
        assertTrue(entries.size() >= 9, out.toString());
        for (String entry : entries) {
            assertTrue(entry.matches("\\S+\\s+\\S.*\\.$"), "not a complete summary: '" + entry + "'");
        }
    }

    /** On the JDK the tests run on (25+), doctor passes and reports the Vector API the build enables. */
    @Test
    void doctorPassesOnThisJdkAndReportsVectorSpecies() {
        assertEquals(0, lab("doctor"));
        String text = out.toString();
        assertTrue(text.contains("JDK"), text);
        assertTrue(text.matches("(?s).*preferred species \\d+-bit \\(\\d+ byte lanes\\).*"), text);
        assertTrue(text.contains("Ready."), text);
    }

    /**
     * Doctor asks every provider for its capabilities: Netty's three transports each get a line,
     * NIO (always there) among them, and exactly one of them is the one transport=auto picks.
     */
    @Test
    void doctorReportsEachNettyTransportAndWhichOneAutoPicks() {
        assertEquals(0, lab("doctor"));
        String text = out.toString();
        for (String transport : new String[] {"io_uring", "epoll", "nio"}) {
            assertTrue(text.matches("(?s).*netty " + transport + "\\s+(available|unavailable).*"), text);
        }
        assertTrue(text.matches("(?s).*ok\\s+netty nio\\s+available.*"), text);
        assertEquals(1, text.lines().filter(l -> l.contains("transport=auto picks it")).count(), text);
    }

    /** Doctor says which commands load the incubator module: the list ./lab reads. */
    @Test
    void doctorNamesTheCommandsThatLoadTheVectorModule() {
        assertEquals(0, lab("doctor"));
        assertTrue(out.toString().contains("./lab loads jdk.incubator.vector only for: doctor"), out.toString());
    }

    /** A JDK older than 25 is a required piece missing, with a fix line. */
    @Test
    void oldJdkIsARequiredFailureWithAFix() {
        Check check = Doctor.jdk(17);
        assertTrue(check.failsRequirement());
        assertTrue(check.fix().contains("JDK 25"), check.fix());
        assertFalse(Doctor.jdk(25).failsRequirement());
    }
}
