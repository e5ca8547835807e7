package dev.wirelab.core.parse;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntPredicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every {@link HttpScanner} must give, for every window of every input, the answer of the
 * plainest possible loop over the byte rule. The class runs once per scanner this JVM can
 * run ({@link HttpScanners#available()}): in core that is the scalar one; the simd module
 * runs the same class again, where the vector scanner joins it. A failure means the parser
 * would see a different line end, token or value boundary depending on the machine.
 */
@ParameterizedClass(name = "scanner={0}")
@MethodSource("scanners")
class HttpScannerTest {

    /** Lengths around the word (8) and vector (16, 32, 64 bytes) sizes, and a few vectors long. */
    private static final int[] LENGTHS = {0, 1, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 100, 129, 190};

    /** Bytes of every class the searches tell apart: LF, CR, tchar, delimiters, SP, HTAB, controls, DEL, obs-text. */
    private static final byte[] PALETTE = {'\n', '\r', 'a', 'Z', '7', '!', '~', ':', '(', '"', ' ', '\t',
        0x00, 0x1F, 0x20, 0x21, 0x7E, 0x7F, (byte) 0x80, (byte) 0xA9, (byte) 0xFF, 0x0B};

    @Parameter
    HttpScanner scanner;

    /** The scanners every parser suite in this package runs against. */
    static Stream<HttpScanner> scanners() {
        return HttpScanners.available().stream();
    }

    @Test
    void findsTheFirstLineFeedAsAPlainLoopDoesInEveryWindow() {
        assertAgrees("indexOf LF", b -> b == '\n', (a, f, t) -> scanner.indexOf(a, f, t, (byte) '\n'),
                (s, f, t) -> scanner.indexOf(s, f, t, (byte) '\n'));
    }

    @Test
    void findsTheFirstHighByteAsAPlainLoopDoesInEveryWindow() {
        assertAgrees("indexOf 0xA9", b -> b == 0xA9, (a, f, t) -> scanner.indexOf(a, f, t, (byte) 0xA9),
                (s, f, t) -> scanner.indexOf(s, f, t, (byte) 0xA9));
    }

    @Test
    void findsTheFirstNonTokenByteAsAPlainLoopDoesInEveryWindow() {
        assertAgrees("indexOfNonTchar", b -> !isTcharByTheGrammar(b), scanner::indexOfNonTchar, scanner::indexOfNonTchar);
    }

    @Test
    void findsTheFirstNonVisibleByteAsAPlainLoopDoesInEveryWindow() {
        assertAgrees("indexOfNonVisible", b -> b <= 0x20 || b >= 0x7F, scanner::indexOfNonVisible, scanner::indexOfNonVisible);
    }

    /** HTAB is below 0x20 yet legal in a value, obs-text (0x80..0xFF) is legal, DEL is not. */
    @Test
    void findsTheFirstControlByteAsAPlainLoopDoesInEveryWindow() {
        assertAgrees("indexOfControl", b -> b < 0x20 && b != '\t' || b == 0x7F, scanner::indexOfControl, scanner::indexOfControl);
    }

    // ---- the comparison ----

    @FunctionalInterface
    interface ArraySearch {
        int search(byte[] array, int from, int to);
    }

    @FunctionalInterface
    interface SegmentSearch {
        long search(MemorySegment segment, long from, long to);
    }

    /**
     * Random arrays of each length, mostly dense in matches and sometimes with none at all,
     * every window [from, to), through the array form, a heap segment and a native segment.
     */
    private static void assertAgrees(String name, IntPredicate rule, ArraySearch onArray, SegmentSearch onSegment) {
        Random random = new Random(name.hashCode());
        List<String> wrong = new ArrayList<>();
        try (Arena arena = Arena.ofConfined()) {
            for (int length : LENGTHS) {
                for (boolean sparse : new boolean[] {false, true}) {
                    byte[] data = randomData(random, length, sparse);
                    MemorySegment heap = MemorySegment.ofArray(data);
                    MemorySegment offHeap = arena.allocate(Math.max(1, length)).copyFrom(heap);
                    for (int from = 0; from <= length; from++) {
                        for (int to = from; to <= length; to++) {
                            int expected = plain(data, from, to, rule);
                            check(wrong, name + " array", data, from, to, expected, onArray.search(data, from, to));
                            check(wrong, name + " heap segment", data, from, to, expected, (int) onSegment.search(heap, from, to));
                            check(wrong, name + " native segment", data, from, to, expected,
                                    (int) onSegment.search(offHeap.asSlice(0, length), from, to));
                        }
                    }
                }
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " searches wrong, the first: " + wrong.subList(0, Math.min(5, wrong.size())));
    }

    private static void check(List<String> wrong, String what, byte[] data, int from, int to, int expected, int actual) {
        if (actual != expected && wrong.size() < 50) {
            wrong.add(what + " [" + from + ", " + to + ") of " + data.length + " bytes = " + actual + ", expected " + expected);
        }
    }

    private static byte[] randomData(Random random, int length, boolean sparse) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            // sparse: mostly letters, so many windows hold no match and the search runs to the end
            data[i] = sparse && random.nextInt(20) != 0 ? (byte) ('a' + random.nextInt(26)) : PALETTE[random.nextInt(PALETTE.length)];
        }
        return data;
    }

    private static int plain(byte[] data, int from, int to, IntPredicate rule) {
        for (int i = from; i < to; i++) {
            if (rule.test(data[i] & 0xFF)) {
                return i;
            }
        }
        return -1;
    }

    /** RFC 9110 section 5.6.2, written out as the grammar says, independent of any table. */
    private static boolean isTcharByTheGrammar(int b) {
        return b >= '0' && b <= '9' || b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b < 0x80 && "!#$%&'*+-.^_`|~".indexOf(b) >= 0;
    }
}
