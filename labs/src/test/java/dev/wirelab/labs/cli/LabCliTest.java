package dev.wirelab.labs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

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

    /** On the JDK the tests run on (25+), doctor passes and reports the Vector API the build enables. */
    @Test
    void doctorPassesOnThisJdkAndReportsVectorSpecies() {
        assertEquals(0, lab("doctor"));
        String text = out.toString();
        assertTrue(text.contains("JDK"), text);
        assertTrue(text.matches("(?s).*preferred species \\d+-bit \\(\\d+ byte lanes\\).*"), text);
        assertTrue(text.contains("Ready."), text);
    }

    /** Doctor names the Netty transport that transport=auto would run, from the same rule the server uses. */
    @Test
    void doctorReportsTheNettyTransportAutoPicks() {
        assertEquals(0, lab("doctor"));
        String text = out.toString();
        String picked = dev.wirelab.async.netty.Transport.best().optionValue();
        assertTrue(text.matches("(?s).*Netty transport\\s+auto picks " + picked + "; .*"), text);
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
