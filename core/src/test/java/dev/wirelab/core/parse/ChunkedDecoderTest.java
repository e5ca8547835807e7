package dev.wirelab.core.parse;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.wirelab.core.parse.HttpSamples.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChunkedDecoderTest {

    private static final HttpLimits DEFAULTS = HttpLimits.DEFAULTS;

    /**
     * Feeds {@code wire} in pieces ending at {@code cuts} (then the rest), through a connection
     * buffer that is compacted before every append, as a server's read buffer would be.
     * Returns the result, the decoded body and the bytes left unconsumed.
     */
    static String decode(HttpLimits limits, byte[] wire, int... cuts) {
        ChunkedDecoder decoder = new ChunkedDecoder(limits);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        ByteBuffer connection = ByteBuffer.allocate(wire.length).flip();
        ChunkedResult result = NeedMore.INSTANCE;
        int from = 0;
        for (int piece = 0; piece <= cuts.length && result instanceof NeedMore; piece++) {
            int to = piece < cuts.length ? cuts[piece] : wire.length;
            connection.compact().put(wire, from, to - from).flip();
            from = to;
            result = decoder.decode(connection, (source, offset, length) -> body.write(source.array(), offset, length));
        }
        int unconsumed = from - connection.remaining(); // bytes still buffered, then bytes never fed
        String rest = new String(wire, unconsumed, wire.length - unconsumed, StandardCharsets.ISO_8859_1);
        return describe(result) + " body=" + body.toString(StandardCharsets.ISO_8859_1) + " rest=" + rest;
    }

    static String byteByByte(HttpLimits limits, byte[] wire) {
        int[] cuts = new int[wire.length];
        for (int i = 0; i < cuts.length; i++) {
            cuts[i] = i;
        }
        return decode(limits, wire, cuts);
    }

    private static String describe(ChunkedResult result) {
        return switch (result) {
            case ChunkedResult.Done d -> "Done " + d.bodyLength() + "/" + d.wireLength();
            case NeedMore n -> "NeedMore";
            case Malformed m -> "Malformed " + m.reason() + " @" + m.offset();
        };
    }

    @Test
    void decodesChunksWithExtensionsAndTrailersAndLeavesTheNextRequest() {
        String body = "4\r\nWiki\r\n5;lang=en\r\npedia\r\n0\r\nExpires: never\r\n\r\n";

        assertEquals("Done 9/" + body.length() + " body=Wikipedia rest=GET /next", decode(DEFAULTS, bytes(body + "GET /next")));
    }

    @Test
    void acceptsUpperCaseHexAndLeadingZeros() {
        assertEquals("Done 10/23 body=0123456789 rest=", decode(DEFAULTS, bytes("000A\r\n0123456789\r\n0\r\n\r\n")));
    }

    @Test
    void acceptsEveryChunkExtensionForm() {
        String wire = "3 ; a ; b = \"q\\\"x\" ;c=tok\r\nabc\r\n0;last\r\n\r\n";

        assertEquals("Done 3/" + wire.length() + " body=abc rest=", decode(DEFAULTS, bytes(wire)));
    }

    @Test
    void decodesAnEmptyBody() {
        assertEquals("Done 0/5 body= rest=x", decode(DEFAULTS, bytes("0\r\n\r\nx")));
    }

    /** Data is handed over as it arrives: a chunk split across reads is not held back. */
    @Test
    void passesPartialChunkDataToTheSinkAtOnce() {
        ChunkedDecoder decoder = new ChunkedDecoder();
        StringBuilder seen = new StringBuilder();

        ChunkedResult result = decoder.decode(ByteBuffer.wrap(bytes("a\r\nhel")),
                (source, offset, length) -> seen.append(new String(source.array(), offset, length, StandardCharsets.US_ASCII)));

        assertEquals("NeedMore", describe(result));
        assertEquals("hel", seen.toString());
        assertEquals(3, decoder.bodyLength());
    }

    static Stream<String> wellFormedBodies() {
        return Stream.of(
                "4\r\nWiki\r\n5;lang=en\r\npedia\r\n0\r\nExpires: never\r\n\r\nNEXT",
                "1\r\n\u00ff\r\n2;x=\"a b\"\r\n\r\n\r\n0\r\n\r\n",
                "0\r\nA: 1\r\nB: 2\r\n\r\n",
                // Twenty digits, but a small value: overflow is judged by value, not by digit count.
                "00000000000000000005\r\nhello\r\n0\r\n\r\n");
    }

    /** However the body is split across reads, the decoded bytes and the verdict are identical. */
    @ParameterizedTest
    @MethodSource("wellFormedBodies")
    void givesTheSameResultAtEverySplitPoint(String body) {
        byte[] wire = bytes(body);
        String expected = decode(DEFAULTS, wire);
        assertTrue(expected.startsWith("Done"), expected);

        for (int i = 0; i <= wire.length; i++) {
            assertEquals(expected, decode(DEFAULTS, wire, i), "split at " + i);
        }
        assertEquals(expected, byteByByte(DEFAULTS, wire));
    }

    static Stream<Arguments> malformedBodies() {
        HttpLimits d = DEFAULTS;
        return Stream.of(
                row("bare LF after the size", d, "5\nhello\r\n0\r\n\r\n", MalformedReason.BARE_LF, 1),
                row("bare LF after the data", d, "5\r\nhello\n0\r\n\r\n", MalformedReason.BARE_LF, 8),
                row("CR after the data without LF", d, "5\r\nhello\rX0\r\n\r\n", MalformedReason.BARE_CR, 8),
                row("bare CR inside the size line", d, "5\r\r\nhello\r\n", MalformedReason.BARE_CR, 1),
                row("data longer than its size", d, "5\r\nhello!\r\n0\r\n\r\n", MalformedReason.MISSING_CHUNK_CRLF, 8),
                row("size is not hex", d, "x\r\nhello\r\n", MalformedReason.INVALID_CHUNK_SIZE, 0),
                row("size is empty", d, "\r\nhello\r\n", MalformedReason.INVALID_CHUNK_SIZE, 0),
                row("size is negative", d, "-5\r\nhello\r\n", MalformedReason.INVALID_CHUNK_SIZE, 0),
                row("size followed by junk", d, "5x\r\nhello\r\n", MalformedReason.INVALID_CHUNK_SIZE, 1),
                row("size followed by whitespace only", d, "5 \r\nhello\r\n", MalformedReason.INVALID_CHUNK_EXTENSION, 2),
                row("extension without a name", d, "5;\r\nhello\r\n", MalformedReason.INVALID_CHUNK_EXTENSION, 2),
                row("extension with an empty value", d, "5;a=\r\nhello\r\n", MalformedReason.INVALID_CHUNK_EXTENSION, 4),
                row("unterminated quoted extension", d, "5;a=\"unterminated\r\nhello\r\n", MalformedReason.INVALID_CHUNK_EXTENSION, 17),
                row("two words as an extension value", d, "5;a=b c\r\nhello\r\n", MalformedReason.INVALID_CHUNK_EXTENSION, 6),
                row("size of 2^64", d, "10000000000000000\r\n", MalformedReason.CHUNK_SIZE_OVERFLOW, 16),
                row("size of 2^63", d, "8000000000000000\r\n", MalformedReason.CHUNK_SIZE_OVERFLOW, 15),
                row("size of 2^63-1 beyond the body limit", d, "7fffffffffffffff\r\n", MalformedReason.BODY_TOO_LARGE, 0),
                row("second chunk beyond the body limit", d.withMaxContentLength(8), "5\r\nhello\r\n5\r\nworld\r\n0\r\n\r\n",
                        MalformedReason.BODY_TOO_LARGE, 10),
                row("size line over the limit", d.withMaxChunkLineBytes(8), "5;abcdefgh\r\nhello\r\n", MalformedReason.CHUNK_LINE_TOO_LONG, 8),
                row("bare LF in the trailers", d, "0\r\nX: y\n\r\n", MalformedReason.BARE_LF, 7),
                row("obs-fold in the trailers", d, "0\r\nX: y\r\n z\r\n\r\n", MalformedReason.OBS_FOLD, 9),
                row("space before a trailer colon", d, "0\r\nX : y\r\n\r\n", MalformedReason.WHITESPACE_BEFORE_COLON, 4),
                row("trailer section over the limit", d.withMaxHeaderBytes(8), "0\r\nX-Long: value\r\n\r\n",
                        MalformedReason.HEADER_SECTION_TOO_LARGE, 11),
                row("more trailers than the limit", d.withMaxHeaderCount(1), "0\r\nA: 1\r\nB: 2\r\n\r\n", MalformedReason.TOO_MANY_HEADERS, 9),
                // ---- smuggling attacks on the chunk-size line ----
                row("size with a 0x prefix", d, "0x5\r\nhello\r\n0\r\n\r\n", MalformedReason.INVALID_CHUNK_SIZE, 1),
                row("size after a leading space", d, " 5\r\nhello\r\n0\r\n\r\n", MalformedReason.INVALID_CHUNK_SIZE, 0),
                row("size of 2^64-1 (-1 to a signed parser)", d, "ffffffffffffffff\r\n", MalformedReason.CHUNK_SIZE_OVERFLOW, 15));
    }

    private static Arguments row(String rule, HttpLimits limits, String wire, MalformedReason reason, int offset) {
        return Arguments.of(rule, limits, wire, reason, offset);
    }

    /**
     * Each chunked-framing rule yields its reason at the offending byte (counted from the body's
     * start), whole, at every split point and byte by byte. A failure means a hop could
     * disagree with us about where this body ends.
     */
    @ParameterizedTest(name = "{0}: {3} @{4}")
    @MethodSource("malformedBodies")
    void rejectsMalformedChunkedBodyWithReasonAndOffset(String rule, HttpLimits limits, String wire, MalformedReason reason, int offset) {
        byte[] bytes = bytes(wire);
        String expected = "Malformed " + reason + " @" + offset;

        assertTrue(decode(limits, bytes).startsWith(expected + " "), decode(limits, bytes));
        String whole = decode(limits, bytes);
        for (int i = 0; i <= bytes.length; i++) {
            assertEquals(whole, decode(limits, bytes, i), "split at " + i);
        }
        assertEquals(whole, byteByByte(limits, bytes));
    }

    /** Random bodies, chunked at random sizes with random extensions and trailers, decode to themselves. */
    @Test
    void roundTripsRandomBodies() {
        Random random = new Random(0xC0FFEEL);
        for (int run = 0; run < 1_000; run++) {
            byte[] body = new byte[random.nextInt(3_000)];
            random.nextBytes(body);
            byte[] wire = encode(random, body);
            int[] cuts = random.ints(random.nextInt(6), 0, wire.length + 1).sorted().toArray();

            String expected = "Done " + body.length + "/" + wire.length + " body=" + new String(body, StandardCharsets.ISO_8859_1) + " rest=";
            assertEquals(expected, decode(DEFAULTS, wire, cuts), () -> "wire " + HexFormat.of().formatHex(wire));
        }
    }

    /** Mutated encodings never make the decoder throw, and whole equals byte-by-byte. */
    @Test
    void neverThrowsOnMutatedBodies() {
        Random random = new Random(0xBAD_C0DEL);
        int malformed = 0;
        for (int run = 0; run < 2_000; run++) {
            byte[] body = new byte[random.nextInt(40)];
            random.nextBytes(body);
            byte[] wire = encode(random, body);
            for (int k = 1 + random.nextInt(3); k > 0; k--) {
                wire[random.nextInt(wire.length)] = (byte) "\r\n ;=\"0fF:\t".charAt(random.nextInt(11));
            }
            String whole = decode(DEFAULTS, wire);
            assertEquals(whole, byteByByte(DEFAULTS, wire), HexFormat.of().formatHex(wire));
            if (whole.startsWith("Malformed")) {
                malformed++;
            }
        }
        assertTrue(malformed > 500, "the mutations should often break framing; only " + malformed + " did");
    }

    private static byte[] encode(Random random, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < body.length) {
            int size = Math.min(body.length - at, 1 + random.nextInt(700));
            String hex = Integer.toHexString(size);
            out.writeBytes(bytes((random.nextBoolean() ? hex.toUpperCase() : "00" + hex)
                    + (random.nextInt(3) == 0 ? ";ext" + random.nextInt(9) + "=\"v " + random.nextInt(99) + "\"" : "") + "\r\n"));
            out.write(body, at, size);
            out.writeBytes(bytes("\r\n"));
            at += size;
        }
        out.writeBytes(bytes("0\r\n" + (random.nextBoolean() ? "X-Checksum: " + random.nextInt() + "\r\n" : "") + "\r\n"));
        return out.toByteArray();
    }
}
