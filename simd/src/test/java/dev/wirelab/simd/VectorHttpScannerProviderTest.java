package dev.wirelab.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;

import dev.wirelab.core.parse.HttpScanner;
import dev.wirelab.core.parse.HttpScanners;
import org.junit.jupiter.api.Test;

/**
 * The ServiceLoader seam from this side: with simd on the class path, core's HTTP parsers
 * search with the vector scanner exactly when {@link SimdSupport} chose the vector path
 * (this test JVM adds jdk.incubator.vector; {@link ScalarFallbackTest} forks JVMs without it).
 */
class VectorHttpScannerProviderTest {

    @Test
    void coreChoosesTheVectorScannerWhenTheVectorPathIsOn() {
        HttpScanners.Selection selection = HttpScanners.selection();

        assertEquals(SimdSupport.vectorized(), selection.accelerated(), selection.describe());
        if (SimdSupport.vectorized()) {
            assertInstanceOf(VectorHttpScanner.class, HttpScanners.chosen());
            assertEquals("vector (" + VectorHttpScanner.bits() + "-bit, " + VectorHttpScanner.bits() / 8
                    + " bytes per step): the simd module's Vector API kernels (" + SimdSupport.describe()
                    + "; " + VectorHttpScanner.describeIndex() + "), found by ServiceLoader (dev.wirelab.simd.VectorHttpScannerProvider)", selection.describe());
        } else {
            assertSame(HttpScanners.scalar(), HttpScanners.chosen());
        }
    }

    /** Both scanners are offered to the tests, the scalar reference first. */
    @Test
    void listsTheScalarAndTheVectorScannerAsAvailable() {
        List<HttpScanner> available = HttpScanners.available();

        assertSame(HttpScanners.scalar(), available.getFirst());
        assertEquals(SimdSupport.vectorized() ? 2 : 1, available.size(), available.toString());
    }

    /** The scanner's vector is the preferred species, capped at the 64 lanes a long mask holds. */
    @Test
    void usesThePreferredSpeciesUpTo512Bits() {
        if (SimdSupport.vectorized()) {
            assertEquals(Math.min(512, VectorKernels.preferredBits()), VectorHttpScanner.bits());
        }
    }
}
