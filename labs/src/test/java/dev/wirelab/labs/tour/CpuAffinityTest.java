package dev.wirelab.labs.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import dev.wirelab.testkit.Skip;
import org.junit.jupiter.api.Test;

/** Pinning and placements; skipped with the reason where the OS cannot pin, required under CI=true on Linux. */
class CpuAffinityTest {

    private static final boolean LINUX = System.getProperty("os.name", "").startsWith("Linux");

    private static boolean onPath(String command) {
        return java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, command)));
    }

    /** Pinning takes effect for the calling thread, is inherited by threads it starts, and can be undone. */
    @Test
    void pinsTheCallerAndItsChildrenAndRestores() throws Exception {
        Skip.unlessRequiredInCi(CpuAffinity.available(), LINUX,
                "CPU pinning needs Linux with native access enabled (os.name=" + System.getProperty("os.name") + ")");
        BitSet before = CpuAffinity.current();
        BitSet first = new BitSet();
        first.set(before.nextSetBit(0));
        try {
            CpuAffinity.pin(first);
            assertEquals(first, CpuAffinity.current());
            AtomicReference<BitSet> child = new AtomicReference<>();
            Thread t = Thread.ofPlatform().start(() -> child.set(CpuAffinity.current()));
            t.join();
            assertEquals(first, child.get(), "a thread started after pinning inherits the CPU set");
        } finally {
            CpuAffinity.pin(before);
        }
        assertEquals(before, CpuAffinity.current());
    }

    /** split gives the server every CPU but the client's; same gives both the client's one CPU. */
    @Test
    void placementsNameDisjointOrSharedCpus() {
        Skip.unlessRequiredInCi(Placement.possible(Placement.SPLIT),
                LINUX && Runtime.getRuntime().availableProcessors() >= 2 && onPath("taskset"),
                "placements need Linux, taskset on the PATH, native access and 2+ CPUs (this JVM has "
                        + Runtime.getRuntime().availableProcessors() + ")");
        List<String> split = Placement.SPLIT.serverPrefix();
        int client = Placement.SPLIT.clientCpus().nextSetBit(0);
        assertTrue(split.get(0).endsWith("taskset") && split.get(1).equals("-c"), split.toString());
        assertFalse(List.of(split.get(2).split(",")).contains(Integer.toString(client)), split.toString());
        assertEquals(Integer.toString(client), Placement.SAME.serverPrefix().get(2));
        assertTrue(Placement.OS.serverPrefix().isEmpty());
        assertTrue(Placement.OS.clientCpus().isEmpty());
    }
}
