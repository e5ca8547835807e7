package dev.wirelab.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import jdk.incubator.vector.ByteVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading the CPU's flags, and the rule the vector scanner builds on them: a structural index
 * only with 64 lanes and the one-instruction table lookup, so that a CPU without it is served
 * by the fused step instead of by the Vector API's boxing Java fallback.
 */
class CpuFlagsTest {

    private static final String ZEN4 = """
            processor\t: 0
            vendor_id\t: AuthenticAMD
            flags\t\t: fpu sse2 avx2 avx512f avx512bw avx512vbmi avx512_vbmi2 avx512vl
            bugs\t\t: sysret_ss_attrs

            processor\t: 1
            flags\t\t: fpu sse2 avx2 avx512f avx512bw avx512vbmi avx512_vbmi2 avx512vl
            """;

    private static final String CASCADE_LAKE = """
            processor\t: 0
            model name\t: Intel(R) Xeon(R) Platinum 8259CL CPU @ 2.50GHz
            flags\t\t: fpu sse2 avx2 avx512f avx512dq avx512cd avx512bw avx512vl avx512_vnni
            """;

    private static final String ARM = """
            processor\t: 0
            Features\t: fp asimd evtstrm aes pmull sha1 sha2 crc32
            """;

    @Test
    void findsTheFlagsLineAndItsWords() {
        Set<String> flags = CpuFlags.parse(ZEN4.lines());
        assertTrue(flags.contains(CpuFlags.AVX512_VBMI), flags::toString);
        assertTrue(flags.contains("avx512_vbmi2"));
        assertEquals(8, flags.size(), "every word of the first flags line, once");
    }

    @Test
    void aCpuWithAvx512ButWithoutVbmiHasNoTableLookupFlag() {
        Set<String> flags = CpuFlags.parse(CASCADE_LAKE.lines());
        assertTrue(flags.contains("avx512bw"));
        assertFalse(flags.contains(CpuFlags.AVX512_VBMI), "avx512_vnni is not avx512vbmi");
    }

    @Test
    void aCpuinfoWithoutAFlagsLineListsNothing() {
        assertEquals(Set.of(), CpuFlags.parse(ARM.lines()));
        assertEquals(Set.of(), CpuFlags.parse("".lines()));
        assertEquals(Set.of(), CpuFlags.parse("flags\t\t:\n".lines()));
    }

    @Test
    void aMissingOrUnreadableFileListsNothing(@TempDir Path dir) throws IOException {
        assertEquals(Set.of(), CpuFlags.read(dir.resolve("cpuinfo")), "absent");
        assertEquals(Set.of(), CpuFlags.read(dir), "a directory, not a file");
        Path binary = Files.write(dir.resolve("binary"), new byte[] {'f', 'l', 'a', 'g', 's', ':', ' ', (byte) 0xC3, 0x28});
        assertEquals(Set.of(), CpuFlags.read(binary), "not UTF-8 text");
        Path text = Files.writeString(dir.resolve("text"), ZEN4);
        assertTrue(CpuFlags.read(text).contains(CpuFlags.AVX512_VBMI));
    }

    @Test
    void theScannerIndexesOnlyWithSixtyFourLanesAndTheTableInstruction() {
        assertTrue(VectorHttpScanner.indexes(64, true));
        assertFalse(VectorHttpScanner.indexes(64, false), "AVX-512 without VBMI: the table lookup would box");
        assertFalse(VectorHttpScanner.indexes(32, true), "a 32-lane mask does not fill a long");
        assertFalse(VectorHttpScanner.indexes(16, false));
    }

    @Test
    void thisMachinesAnswerIsTheRuleAppliedToItsOwnFlags() {
        boolean vbmi = CpuFlags.read(Path.of("/proc/cpuinfo")).contains(CpuFlags.AVX512_VBMI);
        int lanes = ByteVector.SPECIES_PREFERRED.length();
        assertEquals(VectorHttpScanner.indexes(Math.min(lanes, 64), vbmi), VectorHttpScanner.INDEXES,
                VectorHttpScanner.describeIndex());
    }
}
