package dev.wirelab.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The fused field-line step on its own: whenever it accepts a line, its four offsets must be
 * the ones the byte-by-byte rules give (name end at the colon, value trimmed of SP and HTAB,
 * LF after CR), and it must accept the ordinary lines it exists for, or the parser would run
 * the slow path everywhere without any test noticing.
 */
class VectorFieldLineTest {

    private static final VectorHttpScanner SCANNER = new VectorHttpScanner();

    @Test
    void acceptsOrdinaryLinesWithTheOffsetsTheRulesGive() {
        String[] lines = {"Host: example.test\r\n", "Accept:*/*\r\n", "X-Empty:\r\n", "X-Blank: \t \r\n",
            "User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0 and then some more\r\n",
            "Cookie: \tsession=9f2c; theme=dark \t\r\n"};
        for (String line : lines) {
            byte[] wire = padded(line);
            long packed = SCANNER.fieldLine(wire, 0, wire.length);
            assertTrue(packed >= 0, "declined an ordinary line: " + line);
            assertEquals(reference(wire, 0, line.length()), packed, line);
            assertEquals(packed, SCANNER.fieldLine(MemorySegment.ofArray(wire), 0, wire.length), "segment: " + line);
        }
    }

    /** Every random line, clean or not: an accepted one must carry exactly the reference offsets. */
    @Test
    void neverAcceptsALineTheRulesWouldFrameDifferently() {
        Random random = new Random(0xF1E1DL);
        byte[] palette = {'a', 'Z', '7', '-', ':', ' ', '\t', '\r', '\n', 0x7F, 0x00, (byte) 0x80, '_', '(', '"'};
        int accepted = 0;
        for (int run = 0; run < 20_000; run++) {
            byte[] wire = new byte[200];
            int length = 1 + random.nextInt(150);
            for (int i = 0; i < wire.length; i++) {
                wire[i] = random.nextInt(3) == 0 ? palette[random.nextInt(palette.length)] : (byte) ('a' + random.nextInt(26));
            }
            if (random.nextBoolean()) { // half shaped like a field line: a name, a colon, a value, CRLF
                int colon = 1 + random.nextInt(Math.max(1, Math.min(70, length / 3)));
                for (int i = 0; i < colon; i++) {
                    wire[i] = random.nextInt(30) == 0 ? palette[random.nextInt(palette.length)] : (byte) ('A' + random.nextInt(26));
                }
                wire[colon] = ':';
                for (int i = colon + 1; i < length - 1; i++) {
                    int kind = random.nextInt(60);
                    wire[i] = kind == 0 ? palette[random.nextInt(palette.length)] : kind < 8 ? (byte) ' ' : kind < 10 ? (byte) '\t'
                            : kind < 14 ? (byte) (0x80 + random.nextInt(0x80)) : (byte) ('!' + random.nextInt(94));
                }
                wire[length - 1] = '\r';
                wire[length] = '\n';
            }
            int to = length + 1 + random.nextInt(20);
            long expected = reference(wire, 0, to);
            long packed = SCANNER.fieldLine(wire, 0, to);
            if (packed >= 0) {
                accepted++;
                assertEquals(expected, packed, () -> new String(wire, StandardCharsets.ISO_8859_1));
            }
            long onSegment = SCANNER.fieldLine(MemorySegment.ofArray(wire), 0, to);
            assertEquals(packed, onSegment, "array and segment forms must agree");
        }
        assertTrue(accepted > 1_000, "the fused step accepted only " + accepted + " lines");
    }

    /** A line that reaches into the last vector of the array is declined, never read past the end. */
    @Test
    void declinesNearTheEndOfTheArray() {
        byte[] wire = "Host: x\r\n".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(-1, SCANNER.fieldLine(wire, 0, wire.length));
    }

    private static byte[] padded(String line) {
        byte[] wire = new byte[line.length() + 128];
        byte[] bytes = line.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(bytes, 0, wire, 0, bytes.length);
        return wire;
    }

    /** The rules byte by byte: a [A-Za-z0-9-] name, ':', field content, CR LF before {@code to}; packed, or -1. */
    private static long reference(byte[] wire, int from, int to) {
        int colon = from;
        while (colon < to && isNameByte(wire[colon])) {
            colon++;
        }
        if (colon == from || colon >= to || wire[colon] != ':') {
            return -1;
        }
        int cr = colon + 1;
        while (cr < to && !(wire[cr] < 0x20 && wire[cr] >= 0 && wire[cr] != '\t' || wire[cr] == 0x7F)) {
            cr++;
        }
        if (cr + 1 >= to || wire[cr] != '\r' || wire[cr + 1] != '\n') {
            return -1;
        }
        int start = colon + 1;
        while (start < cr && (wire[start] == ' ' || wire[start] == '\t')) {
            start++;
        }
        int end = cr;
        while (end > start && (wire[end - 1] == ' ' || wire[end - 1] == '\t')) {
            end--;
        }
        return (long) (cr + 1 - from) << 48 | (long) (colon - from) << 32 | (long) (start - from) << 16 | (end - from);
    }

    private static boolean isNameByte(byte b) {
        return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '-';
    }
}
