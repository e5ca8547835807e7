package dev.wirelab.simd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The CPU's feature flags as Linux lists them in {@code /proc/cpuinfo}, read once.
 *
 * <p>Almost every choice the Vector API leaves to the JIT: the same {@code compare} becomes
 * whatever instruction the CPU has. One does not degrade gracefully. A byte lookup in a
 * 128-entry table ({@code selectFrom} over two 64-byte vectors) is one instruction with
 * AVX-512 VBMI ({@code vpermi2b}); on an AVX-512 CPU without VBMI (Skylake-SP to Cooper Lake)
 * C2 has no instruction for it, falls back to the library's Java code, and that code boxes
 * every vector: slower than the scalar scanner, and allocating per request. The species says
 * how wide a vector is, not which permutes exist, so the scanner asks the kernel. Where
 * there is no {@code /proc/cpuinfo} (not Linux) or it cannot be read, no flag is present and
 * the scanner takes the path that needs none.
 */
final class CpuFlags {

    /** AVX-512 Vector Byte Manipulation Instructions: {@code vpermb}, {@code vpermi2b}. */
    static final String AVX512_VBMI = "avx512vbmi";

    private static final Set<String> FLAGS = read(Path.of("/proc/cpuinfo"));

    private CpuFlags() {
    }

    /** Whether this CPU lists {@code flag} (the spelling of the kernel's {@code flags} line). */
    static boolean has(String flag) {
        return FLAGS.contains(flag);
    }

    /**
     * Reads up to the first {@code flags} line only: a many-core machine lists the same flags
     * once per core, and this runs while the scanner's class initialises.
     */
    static Set<String> read(Path cpuinfo) {
        try (Stream<String> lines = Files.lines(cpuinfo)) {
            return parse(lines);
        } catch (IOException | UncheckedIOException | SecurityException e) { // absent, unreadable, or not text
            return Set.of();
        }
    }

    /** The words of the first {@code flags : ...} line (every core lists the same); none if there is no such line. */
    static Set<String> parse(Stream<String> cpuinfo) {
        return cpuinfo.map(CpuFlags::flagsOf).flatMap(Optional::stream).findFirst().orElse(Set.of());
    }

    private static Optional<Set<String>> flagsOf(String line) {
        int colon = line.indexOf(':');
        if (colon <= 0 || !line.substring(0, colon).strip().equals("flags")) {
            return Optional.empty();
        }
        String words = line.substring(colon + 1).strip();
        return Optional.of(words.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(words.split("\\s+"))));
    }
}
