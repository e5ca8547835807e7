package dev.wirelab.labs.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.BitSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class CpuAffinityTest {

    /** Pinning takes effect for the calling thread, is inherited by threads it starts, and can be undone. */
    @Test
    void pinsTheCallerAndItsChildrenAndRestores() throws Exception {
        assumeTrue(CpuAffinity.available(), "CPU pinning needs Linux with native access enabled");
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
        assumeTrue(Placement.possible(Placement.SPLIT), "needs Linux, taskset, native access and 2+ CPUs");
        List<String> split = Placement.SPLIT.serverPrefix();
        int client = Placement.SPLIT.clientCpus().nextSetBit(0);
        assertTrue(split.get(0).endsWith("taskset") && split.get(1).equals("-c"), split.toString());
        assertFalse(List.of(split.get(2).split(",")).contains(Integer.toString(client)), split.toString());
        assertEquals(Integer.toString(client), Placement.SAME.serverPrefix().get(2));
        assertTrue(Placement.OS.serverPrefix().isEmpty());
        assertTrue(Placement.OS.clientCpus().isEmpty());
    }
}
