package exercises.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

// The tests of exercise http-request-line. Do not change this file: lab check runs it as it is.
class RequestLineTest {

    private static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** A whole line comes back in parts, with the bytes it used (CRLF included). */
    @Test
    void parsesACompleteLine() {
        RequestLine.Parse p = RequestLine.parse(bytes("GET /index.html?q=1 HTTP/1.1\r\nHost: x\r\n"));
        assertEquals(new RequestLine.Complete("GET", "/index.html?q=1", "HTTP/1.1", 30), p);
    }

    /** The parse starts at the buffer's position and does not move it. */
    @Test
    void startsAtThePositionAndLeavesIt() {
        ByteBuffer b = bytes("xxPOST /a HTTP/1.0\r\n");
        b.position(2);
        assertEquals(new RequestLine.Complete("POST", "/a", "HTTP/1.0", 18), RequestLine.parse(b));
        assertEquals(2, b.position());
    }

    /** Every prefix of a valid line, cut at any byte (even between CR and LF), needs more. */
    @Test
    void everySplitPointNeedsMore() {
        String line = "DELETE /items/42 HTTP/1.1\r\n";
        for (int cut = 0; cut < line.length(); cut++) {
            RequestLine.Parse p = RequestLine.parse(bytes(line.substring(0, cut)));
            assertEquals(new RequestLine.NeedMore(), p, "after " + cut + " bytes: '" + line.substring(0, cut).replace("\r", "\\r") + "'");
        }
        assertInstanceOf(RequestLine.Complete.class, RequestLine.parse(bytes(line)));
    }

    /** Bytes that can never become a line are malformed at once, with the offset of the bad byte. */
    @Test
    void rejectsBadLinesWithTheOffset() {
        assertEquals(0, malformed("get / HTTP/1.1\r\n").offset(), "lower-case method");
        assertEquals(4, malformed("GET  / HTTP/1.1\r\n").offset(), "two spaces");
        assertEquals(9, malformed("GET / HTTQ").offset(), "bad version, before the line is complete");
        assertEquals(13, malformed("GET / HTTP/1.2\r\n").offset(), "unknown minor version");
        assertEquals(14, malformed("GET / HTTP/1.1\n").offset(), "bare LF");
        assertEquals(15, malformed("GET / HTTP/1.1\rX").offset(), "CR not followed by LF");
        assertEquals(0, malformed(" / HTTP/1.1\r\n").offset(), "empty method");
    }

    /** A line that reaches the limit without its end is malformed, not an endless wait. */
    @Test
    void rejectsALineLongerThanTheLimit() {
        String longTarget = "/" + "a".repeat(RequestLine.MAX_LINE);
        assertInstanceOf(RequestLine.Malformed.class, RequestLine.parse(bytes("GET " + longTarget)));
    }

    /** Random bytes and random prefixes never make the parser throw. */
    @Test
    void neverThrowsOnRandomBytes() {
        Random random = new Random(42);
        String valid = "GET /x HTTP/1.1\r\n";
        for (int i = 0; i < 20_000; i++) {
            byte[] b = new byte[random.nextInt(40)];
            random.nextBytes(b);
            if (i % 2 == 0) {
                byte[] prefix = valid.getBytes(StandardCharsets.ISO_8859_1);
                System.arraycopy(prefix, 0, b, 0, Math.min(prefix.length, random.nextInt(b.length + 1)));
            }
            RequestLine.parse(ByteBuffer.wrap(b));
        }
    }

    private static RequestLine.Malformed malformed(String s) {
        return assertInstanceOf(RequestLine.Malformed.class, RequestLine.parse(bytes(s)), s.replace("\r", "\\r").replace("\n", "\\n"));
    }
}
