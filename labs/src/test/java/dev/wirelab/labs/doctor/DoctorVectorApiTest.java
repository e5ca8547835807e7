package dev.wirelab.labs.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.wirelab.simd.SimdSupport;
import org.junit.jupiter.api.Test;

/** The Vector API line of {@code lab doctor} repeats what the SIMD kernels chose, and why. */
class DoctorVectorApiTest {

    /** This test JVM adds jdk.incubator.vector, so the line is OK and is the kernels' own description. */
    @Test
    void reportsTheVectorPathTheKernelsChose() {
        Check check = Doctor.vectorApi();
        assertEquals(SimdSupport.vectorized() ? Check.Status.OK : Check.Status.MISSING, check.status());
        assertEquals(SimdSupport.vectorized() ? SimdSupport.describe()
                : SimdSupport.describe() + "; the SIMD kernels use their scalar fallbacks", check.detail());
    }

    /** The scalar fallback is an optional piece missing (never a failure), with the kernels' fix. */
    @Test
    void reportsTheScalarFallbackAsOptionalWithItsFix() {
        SimdSupport.Selection scalar = new SimdSupport.Selection(SimdSupport.Path.SCALAR, 0,
                "jdk.incubator.vector not loaded", "start the JVM with --add-modules jdk.incubator.vector");
        Check check = Doctor.vectorApi(scalar, "scalar path: jdk.incubator.vector not loaded");
        assertEquals(Check.Status.MISSING, check.status());
        assertFalse(check.failsRequirement());
        assertEquals("scalar path: jdk.incubator.vector not loaded; the SIMD kernels use their scalar fallbacks",
                check.detail());
        assertEquals("start the JVM with --add-modules jdk.incubator.vector", check.fix());
    }
}
