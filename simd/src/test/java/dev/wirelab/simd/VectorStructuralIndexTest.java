package dev.wirelab.simd;

import static dev.wirelab.core.parse.HttpScanner.INDEX_LF;
import static dev.wirelab.core.parse.HttpScanner.INDEX_MASKS;
import static dev.wirelab.core.parse.HttpScanner.INDEX_NOT_NAME;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The structural index on its own, against a byte-at-a-time reference of its contract: how
 * far it indexes (to the window's end, the index's capacity, or the first control byte that
 * is not half of a CR LF pair, whichever comes first), every mask bit of every indexed byte,
 * and the padding after it (set in both masks, so that a search stops). Random windows of
 * random bytes rich in CR, LF, HTAB and other controls, over arrays, heap segments and
 * native segments, with index capacities from one block up.
 */
class VectorStructuralIndexTest {

    private static final VectorHttpScanner SCANNER = new VectorHttpScanner();

    @BeforeAll
    static void thisMachineBuildsIndexes() {
        assumeTrue(VectorHttpScanner.INDEXES, () -> "this machine's vector scanner declines: " + VectorHttpScanner.describeIndex());
    }

    @Test
    void indexesAnOrdinaryHeadToItsEndWithTheMasksTheBytesGive() {
        byte[] wire = ("Host: wirelab.example.org\r\nUser-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:128.0)\r\n"
                + "Accept:\t*/*\r\nX-Name-7: v\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        long[] index = new long[16 * INDEX_MASKS];
        assertEquals(wire.length, SCANNER.structuralIndex(wire, 0, wire.length, index), "a clean head is indexed whole");
        assertIndex(wire, 0, wire.length, index, wire.length);
    }

    @Test
    void stopsAtTheFirstControlByteThatIsNotHalfOfACrLf() {
        String head = "Host: a\r\nX: b\r\n";
        for (String bad : new String[] {"\r", "\n", "\u0000", "\u007f", "\r\r\n", "\n\r"}) {
            byte[] wire = (head + "Y: c" + bad + "d\r\n\r\n" + "z".repeat(80)).getBytes(StandardCharsets.ISO_8859_1);
            long[] index = new long[16 * INDEX_MASKS];
            int expected = reference(wire, 0, wire.length, index.length / INDEX_MASKS);
            assertTrue(expected <= head.length() + 4 + 1, "the reference stops at the bad byte");
            assertEquals(expected, SCANNER.structuralIndex(wire, 0, wire.length, index), () -> "bad byte " + Arrays.toString(bad.getBytes()));
        }
    }

    @Test
    void matchesTheReferenceOnRandomWindowsArraysAndSegments() {
        Random random = new Random(0x1DE8L);
        byte[] palette = {'\r', '\n', '\r', '\n', '\t', ' ', ':', '-', 0x7F, 0x00, 0x1F, (byte) 0x80, (byte) 0xFF, '_', 'a', 'Z', '0', '9'};
        int stoppedEarly = 0;
        int reachedTheEnd = 0;
        try (Arena arena = Arena.ofConfined()) {
            for (int run = 0; run < 4_000; run++) {
                byte[] wire = new byte[64 + random.nextInt(700)];
                boolean clean = random.nextInt(3) > 0; // mostly CR LF pairs only, so that long stretches get indexed
                for (int i = 0; i < wire.length; i++) {
                    wire[i] = random.nextInt(4) == 0 ? palette[random.nextInt(palette.length)] : (byte) random.nextInt(256);
                    if (clean && (wire[i] == '\r' || wire[i] == '\n' || (wire[i] & 0xFF) < 0x20 || wire[i] == 0x7F)) {
                        wire[i] = random.nextInt(8) == 0 ? (byte) '\t' : (byte) ('a' + random.nextInt(26));
                    }
                }
                if (clean) {
                    for (int i = 0; i + 1 < wire.length; i += 2 + random.nextInt(40)) {
                        wire[i] = '\r';
                        wire[i + 1] = '\n';
                    }
                }
                int from = random.nextInt(wire.length);
                int to = from + 1 + random.nextInt(wire.length - from);
                long[] index = new long[(1 + random.nextInt(14)) * INDEX_MASKS];
                int expected = reference(wire, from, to, index.length / INDEX_MASKS);
                stoppedEarly += expected < to - from ? 1 : 0;
                reachedTheEnd += expected == to - from ? 1 : 0;

                int got = SCANNER.structuralIndex(wire, from, to, index);
                String where = "run " + run + ", window [" + from + ", " + to + ") of " + wire.length;
                assertEquals(expected, got, where);
                assertIndex(wire, from, to, index, got);

                long[] onHeap = new long[index.length];
                assertEquals(expected, SCANNER.structuralIndex(MemorySegment.ofArray(wire), from, to, onHeap), "heap segment, " + where);
                assertArrayEquals(written(index, got), written(onHeap, got), "heap segment, " + where);
                MemorySegment nativeCopy = arena.allocate(wire.length);
                nativeCopy.copyFrom(MemorySegment.ofArray(wire));
                long[] offHeap = new long[index.length];
                assertEquals(expected, SCANNER.structuralIndex(nativeCopy, from, to, offHeap), "native segment, " + where);
                assertArrayEquals(written(index, got), written(offHeap, got), "native segment, " + where);
            }
        }
        assertTrue(stoppedEarly > 500 && reachedTheEnd > 500, "both ends exercised: " + stoppedEarly + " / " + reachedTheEnd);
    }

    @Test
    void declinesWhatItCannotIndex() {
        assertEquals(-1, SCANNER.structuralIndex(new byte[10], 0, 10, new long[4]), "shorter than a vector");
        assertEquals(-1, SCANNER.structuralIndex(new byte[100], 5, 5, new long[4]), "an empty window");
        assertEquals(-1, SCANNER.structuralIndex(new byte[100], 0, 100, new long[1]), "no room for a block");
    }

    /**
     * The contract, a byte at a time: the number of bytes the index must cover. A byte is bad
     * when it is a control byte (below 0x20 or DEL) other than HTAB, CR and LF, an LF whose
     * previous byte in the window is not a CR, or the byte after a CR when it is not an LF.
     */
    private static int reference(byte[] wire, int from, int to, int blocks) {
        int end = Math.min(to, from + blocks * 64 - 1);
        for (int i = from; i < end; i++) {
            int b = wire[i] & 0xFF;
            boolean control = (b < 0x20 || b == 0x7F) && b != '\t' && b != '\r' && b != '\n';
            boolean lfWithoutCr = b == '\n' && (i == from || wire[i - 1] != '\r');
            boolean crWithoutLf = i > from && wire[i - 1] == '\r' && b != '\n';
            if (control || lfWithoutCr || crWithoutLf) {
                return i - from;
            }
        }
        return end - from;
    }

    /** Every bit of every block that covers an indexed byte, and the padding to the end of that block. */
    private static void assertIndex(byte[] wire, int from, int to, long[] index, int indexed) {
        int blocks = indexed / 64 + 1;
        for (int k = 0; k < blocks * 64; k++) {
            long lfBit = index[(k / 64) * INDEX_MASKS + INDEX_LF] >>> k & 1;
            long notNameBit = index[(k / 64) * INDEX_MASKS + INDEX_NOT_NAME] >>> k & 1;
            int at = from + k;
            if (k < indexed) {
                int b = wire[at] & 0xFF;
                boolean name = b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '-';
                assertEquals(b == '\n' ? 1 : 0, lfBit, "LF bit of byte " + at);
                assertEquals(name ? 0 : 1, notNameBit, "not-name bit of byte " + at);
            } else {
                assertEquals(1, lfBit & notNameBit, "padding at byte " + at + " (indexed " + indexed + ")");
            }
        }
    }

    private static long[] written(long[] index, int indexed) {
        return Arrays.copyOf(index, (indexed / 64 + 1) * INDEX_MASKS);
    }
}
