package dev.wirelab.labs.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.wirelab.core.parse.HttpScanners;
import dev.wirelab.simd.SimdSupport;
import dev.wirelab.testkit.Skip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Vector API line of {@code lab doctor}, checked against what the JVM really has: the
 * module's presence and the preferred species size are read here independently of the
 * kernels' own choice, and a JVM without the module is started to see the other answer.
 */
class DoctorVectorApiTest {

    /** With the module and a species of 128+ bits (this test JVM adds the module), doctor reports the vector path OK. */
    @Test
    void reportsTheVectorPathWhenTheModuleAndWideVectorsArePresent() throws Exception {
        assertTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
                "labs' tests run with --add-modules jdk.incubator.vector (see labs/pom.xml)");
        int bits = preferredVectorBits();
        Skip.unless(bits >= SimdSupport.MIN_VECTOR_BITS, "this CPU/JVM prefers " + bits
                + "-bit vectors, below the kernels' 128-bit minimum: the vector-path line cannot be shown here");

        Check check = Doctor.vectorApi();

        assertEquals(Check.Status.OK, check.status(), check.detail());
        assertEquals("vector path: preferred species " + bits + "-bit (" + bits / 8 + " byte lanes) of jdk.incubator.vector",
                check.detail());
    }

    /** In a JVM started without the module (what ./lab does for most commands), doctor says so, with the fix. */
    @Test
    @Timeout(60)
    void reportsTheScalarPathInAJvmWithoutTheModule() throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DoctorVectorProbe.class.getName());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(50, TimeUnit.SECONDS), output);

        assertEquals(List.of("status=MISSING",
                "detail=scalar path: jdk.incubator.vector not loaded; the SIMD kernels use their scalar fallbacks",
                "fix=start the JVM with --add-modules jdk.incubator.vector (./lab does this for you)"),
                output.lines().filter(l -> l.contains("=")).toList(), output);
        assertFalse(output.contains("WARNING: Using incubator modules"), output);
    }

    /** The scalar fallback is an optional piece missing (never a failure), with the kernels' fix. */
    @Test
    void reportsTheScalarFallbackAsOptionalWithItsFix() {
        SimdSupport.Selection scalar = new SimdSupport.Selection(SimdSupport.Path.SCALAR, 0,
                "jdk.incubator.vector not loaded", "start the JVM with --add-modules jdk.incubator.vector");
        Check check = Doctor.vectorApi(scalar, "scalar path: jdk.incubator.vector not loaded");
        assertEquals(Check.Status.MISSING, check.status());
        assertFalse(check.failsRequirement());
        assertEquals("start the JVM with --add-modules jdk.incubator.vector", check.fix());
    }

    /** ByteVector.SPECIES_PREFERRED.vectorBitSize(), by reflection: labs is not compiled against the incubator module. */
    private static int preferredVectorBits() throws ReflectiveOperationException {
        Object species = Class.forName("jdk.incubator.vector.ByteVector").getField("SPECIES_PREFERRED").get(null);
        return (int) Class.forName("jdk.incubator.vector.VectorSpecies").getMethod("vectorBitSize").invoke(species);
    }

    /** The HTTP scanner line names what core's parser searches with: here (module loaded) the vector scanner. */
    @Test
    void reportsTheHttpScannerTheParserChose() {
        Check check = Doctor.httpScanner();
        assertEquals(SimdSupport.vectorized() ? Check.Status.OK : Check.Status.MISSING, check.status());
        assertEquals(HttpScanners.selection().describe(), check.detail());
        assertEquals(SimdSupport.vectorized(), check.detail().startsWith("vector ("), check.detail());
    }

    /** Without a usable provider the doctor says so, as an optional piece with the fix, never a failure. */
    @Test
    void reportsTheScalarHttpScannerAsOptional() {
        HttpScanners.Selection scalar = new HttpScanners.Selection(HttpScanners.scalar(), "no provider");
        Check check = Doctor.httpScanner(scalar, "start the JVM with --add-modules jdk.incubator.vector");
        assertEquals(Check.Status.MISSING, check.status());
        assertFalse(check.failsRequirement());
        assertEquals(HttpScanners.scalar().description() + ": no provider", check.detail());
        assertEquals("start the JVM with --add-modules jdk.incubator.vector", check.fix());
    }
}
