package dev.wirelab.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The fallback in real JVMs: each test starts {@link FallbackProbe} in a fresh JVM (the
 * JDK's own {@code java}, this test's class path) with different flags and checks which
 * path was chosen, that it said why, and that its results equal this JVM's.
 */
@Timeout(120)
class ScalarFallbackTest {

    /** Without --add-modules the vector classes cannot even load; the scalar path runs, no error escapes. */
    @Test
    void usesTheScalarPathWithoutTheIncubatorModule() throws Exception {
        Map<String, String> probe = runProbe();
        assertEquals("SCALAR", probe.get("path"), probe.toString());
        assertEquals("scalar path: jdk.incubator.vector not loaded", probe.get("describe"));
        assertEquals("start the JVM with --add-modules jdk.incubator.vector (./lab does this for you)", probe.get("fix"));
        assertEquals("no (NoClassDefFoundError)", probe.get("vectorKernelsLoadable"),
                "the probe must prove the vector classes are unusable in that JVM");
        assertEquals("scalar", probe.get("httpScanner"), "the HTTP parser must fall back to the scalar scanner");
        assertEquals("the simd module's vector scanner is off (scalar path: jdk.incubator.vector not loaded)",
                probe.get("httpScannerReason"));
        assertSameResultsAsThisJvm(probe);
    }

    /** -Dwirelab.simd=scalar wins over a present module. */
    @Test
    void usesTheScalarPathWhenForced() throws Exception {
        Map<String, String> probe = runProbe("--add-modules", "jdk.incubator.vector", "-Dwirelab.simd=scalar");
        assertEquals("SCALAR", probe.get("path"), probe.toString());
        assertEquals("scalar path: forced by -Dwirelab.simd=scalar", probe.get("describe"));
        assertEquals("yes", probe.get("vectorKernelsLoadable"));
        assertEquals("scalar", probe.get("httpScanner"), probe.toString());
        assertSameResultsAsThisJvm(probe);
    }

    /** With 64-bit vectors (-XX:MaxVectorSize=8) the species is too small to help: scalar, and it says so. */
    @Test
    void usesTheScalarPathWhenTheSpeciesIsTooSmall() throws Exception {
        Map<String, String> probe = runProbe("--add-modules", "jdk.incubator.vector", "-XX:MaxVectorSize=8");
        assertEquals("SCALAR", probe.get("path"), probe.toString());
        assertEquals("scalar path: preferred species 64-bit (8 byte lanes) is below the 128 bits"
                + " the kernels need to beat 64-bit scalar code", probe.get("describe"));
        assertEquals("scalar", probe.get("httpScanner"), "a 64-bit species must not drive the HTTP parser");
        assertSameResultsAsThisJvm(probe);
    }

    /**
     * With the module present and a preferred species of 128+ bits (as the forked JVM itself
     * reports it, not as the kernels decided), the forked JVM picks the vector path, the HTTP
     * parser searches with the vector scanner, and the results equal this JVM's.
     */
    @Test
    void usesTheVectorPathWithTheModule() throws Exception {
        Map<String, String> probe = runProbe("--add-modules", "jdk.incubator.vector");
        int bits = Integer.parseInt(probe.get("preferredBits"));
        assumeTrue(bits >= SimdSupport.MIN_VECTOR_BITS, "this CPU/JVM prefers " + bits
                + "-bit vectors; the scalar choice below 128 bits is usesTheScalarPathWhenTheSpeciesIsTooSmall's case");
        assertEquals("VECTOR", probe.get("path"), probe.toString());
        assertEquals("vector path: preferred species " + bits + "-bit (" + bits / 8 + " byte lanes) of jdk.incubator.vector",
                probe.get("describe"));
        assertEquals("vector", probe.get("httpScanner"), probe.toString());
        assertEquals("the simd module's Vector API kernels (" + probe.get("describe") + "; "
                + VectorHttpScanner.describeIndex() + "), found by ServiceLoader (dev.wirelab.simd.VectorHttpScannerProvider)", probe.get("httpScannerReason"));
        assertSameResultsAsThisJvm(probe);
    }

    private static void assertSameResultsAsThisJvm(Map<String, String> probe) {
        for (String line : FallbackProbe.results()) {
            String key = line.substring(0, line.indexOf('='));
            assertEquals(line, key + "=" + probe.get(key));
        }
    }

    private static Map<String, String> runProbe(String... jvmFlags) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmFlags));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), FallbackProbe.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "probe did not finish: " + output);
        assertEquals(0, process.exitValue(), "probe failed: " + output);
        Map<String, String> values = new LinkedHashMap<>();
        output.lines().filter(l -> l.contains("=") && !l.startsWith("WARNING"))
                .forEach(l -> values.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
        return values;
    }
}
