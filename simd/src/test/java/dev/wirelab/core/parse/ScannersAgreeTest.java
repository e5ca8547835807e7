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
