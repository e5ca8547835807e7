package dev.wirelab.core.parse;

import static dev.wirelab.core.parse.HttpSamples.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The scalar and the vector scanner, side by side on the same bytes: the parser must reach
 * the identical result (complete head, need more, or the same malformed rule at the same
 * offset) with either, whole, at every split point, on well-formed, mutated and random
 * requests. A difference means a machine with SIMD would accept or reject what one
 * without it does not: exactly the kind of disagreement request smuggling feeds on.
 */
class ScannersAgreeTest {

    private static final HttpScanner SCALAR = HttpScanners.scalar();

    private static List<HttpScanner> others() {
        return HttpScanners.available().stream().filter(s -> s != SCALAR).toList();
    }

    @Test
    void thisJvmHasAScannerBesideTheScalarOne() {
        // simd's tests run with jdk.incubator.vector; without another scanner this suite would prove nothing
        assertEquals(1, others().size(), "expected the vector scanner beside the scalar one: " + HttpScanners.available());
    }

    @Test
    void agreeOnEverySplitPointOfRandomAndMutatedRequests() {
        Random random = new Random(0xA9EEL);
        List<HttpLimits> limits = List.of(HttpLimits.DEFAULTS, new HttpLimits(24, 40, 3, 1000, 16));
        int malformed = 0;
        for (int run = 0; run < 400; run++) {
            byte[] clean = bytes(HttpSamples.randomSample(random).wire());
            byte[] wire = switch (run % 4) {
                case 0 -> clean;
                case 3 -> randomBytes(random);
                default -> mutate(random, clean);
            };
            HttpLimits limit = limits.get(run % 2);
            String expected = HttpSamples.whole(SCALAR, limit, wire);
            malformed += expected.startsWith("Malformed") ? 1 : 0;
            for (HttpScanner other : others()) {
                assertEquals(expected, HttpSamples.whole(other, limit, wire), () -> context(other, wire, -1));
                for (int at = 0; at <= wire.length; at++) {
                    int split = at;
                    assertEquals(HttpSamples.split(SCALAR, limit, wire, split), HttpSamples.split(other, limit, wire, split),
                            () -> context(other, wire, split));
                }
            }
        }
        assertTrue(malformed > 100, "the mutations should often break rules; only " + malformed + " did");
    }

    /**
     * Heads longer than the vector scanner's structural index holds (it covers about 1 KiB per
     * pass): the parser must index again where a line runs past the end, and lines of 60 to
     * 300 bytes cross the 64-byte blocks at every offset. Clean, and with one byte mutated.
     */
    @Test
    void agreeOnLongHeadsThatOutgrowTheIndex() {
        Random random = new Random(0x10A6L);
        HttpLimits roomy = new HttpLimits(8192, 65536, 200, 1 << 20, 16);
        for (int run = 0; run < 6; run++) {
            StringBuilder head = new StringBuilder("GET /" + "p".repeat(random.nextInt(90)) + " HTTP/1.1\r\nHost: h\r\n");
            while (head.length() < 2500 + random.nextInt(1500)) {
                int value = random.nextInt(4) == 0 ? 150 + random.nextInt(150) : random.nextInt(60);
                head.append("X-F").append(random.nextInt(1000)).append(':').append(" ".repeat(random.nextInt(3)))
                        .append(randomValue(random, value)).append(random.nextInt(5) == 0 ? "\t" : "").append("\r\n");
            }
            byte[] wire = bytes(head.append("\r\n").toString());
            if (run % 2 == 1) {
                wire[1024 + random.nextInt(wire.length - 1100)] = (byte) "\r\n\u0000:\t ".charAt(random.nextInt(6));
            }
            String expected = HttpSamples.whole(SCALAR, roomy, wire);
            assertTrue(run % 2 == 1 || expected.startsWith("Complete"), expected);
            for (HttpScanner other : others()) {
                assertEquals(expected, HttpSamples.whole(other, roomy, wire), () -> context(other, wire, -1));
                for (int at = 0; at <= wire.length; at += 1 + random.nextInt(3)) {
                    int split = at;
                    assertEquals(HttpSamples.split(SCALAR, roomy, wire, split), HttpSamples.split(other, roomy, wire, split),
                            () -> context(other, wire, split));
                }
            }
        }
    }

    private static String randomValue(Random random, int length) {
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < length; i++) {
            value.append((char) (random.nextInt(8) == 0 ? ' ' : '!' + random.nextInt(94)));
        }
        return value.toString().strip();
    }

    private static String context(HttpScanner other, byte[] wire, int split) {
        return other + " vs scalar, split " + split + ": " + java.util.HexFormat.of().formatHex(wire);
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(300)];
        byte[] palette = {'\r', '\n', ' ', ':', '\t', 0x7F, (byte) 0x80, 'a', 'G', '/', 0};
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = random.nextBoolean() ? palette[random.nextInt(palette.length)] : (byte) random.nextInt(256);
        }
        return bytes;
    }

    /** One to three overwrites, inserts or deletes, mostly of the bytes HTTP framing hinges on. */
    private static byte[] mutate(Random random, byte[] wire) {
        byte[] interesting = {'\r', '\n', ' ', '\t', ':', ',', 0, (byte) 0x80, 0x7F, '(', 'A'};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = random.nextInt(Math.max(1, wire.length));
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < wire.length; i++) {
            if (mutations > 0 && i >= at && random.nextInt(8) == 0) {
                mutations--;
                byte b = random.nextBoolean() ? interesting[random.nextInt(interesting.length)] : (byte) random.nextInt(256);
                switch (random.nextInt(3)) {
                    case 0 -> out.write(b);
                    case 1 -> { out.write(b); out.write(wire[i]); }
                    default -> { }
                }
            } else {
                out.write(wire[i]);
            }
        }
        return out.toByteArray();
    }
}
