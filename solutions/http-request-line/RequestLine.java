package exercises.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/*
 * Reference solution for http-request-line: a single pass with a small state variable.
 * Each byte is checked when it arrives, so garbage is rejected early; running out of bytes in
 * any state but "done" is NeedMore.
 */
public final class RequestLine {

    public static final int MAX_LINE = 8192;

    public sealed interface Parse permits Complete, NeedMore, Malformed {
    }

    public record Complete(String method, String target, String version, int consumed) implements Parse {
    }

    public record NeedMore() implements Parse {
    }

    public record Malformed(String reason, int offset) implements Parse {
    }

    private static final byte[] HTTP_1 = "HTTP/1.".getBytes(StandardCharsets.US_ASCII);

    private RequestLine() {
    }

    public static Parse parse(ByteBuffer buffer) {
        int start = buffer.position();
        int end = Math.min(buffer.limit(), start + MAX_LINE);
        int i = start;
        // method
        int methodStart = i;
        while (i < end && buffer.get(i) >= 'A' && buffer.get(i) <= 'Z') {
            i++;
        }
        if (i == end) {
            return more(buffer, start, i);
        }
        if (i == methodStart || buffer.get(i) != ' ') {
            return new Malformed("bad method", i - start);
        }
        String method = ascii(buffer, methodStart, i);
        i++;
        // target
        int targetStart = i;
        while (i < end && buffer.get(i) >= 0x21 && buffer.get(i) <= 0x7E) {
            i++;
        }
        if (i == end) {
            return more(buffer, start, i);
        }
        if (i == targetStart || buffer.get(i) != ' ') {
            return new Malformed("bad target", i - start);
        }
        String target = ascii(buffer, targetStart, i);
        i++;
        // version: "HTTP/1." then '0' or '1'
        int versionStart = i;
        for (byte expected : HTTP_1) {
            if (i == end) {
                return more(buffer, start, i);
            }
            if (buffer.get(i) != expected) {
                return new Malformed("bad version", i - start);
            }
            i++;
        }
        if (i == end) {
            return more(buffer, start, i);
        }
        if (buffer.get(i) != '0' && buffer.get(i) != '1') {
            return new Malformed("bad version", i - start);
        }
        i++;
        String version = ascii(buffer, versionStart, i);
        // CRLF
        if (i == end) {
            return more(buffer, start, i);
        }
        if (buffer.get(i) != '\r') {
            return new Malformed("expected CR", i - start);
        }
        i++;
        if (i == end) {
            return more(buffer, start, i);
        }
        if (buffer.get(i) != '\n') {
            return new Malformed("expected LF", i - start);
        }
        return new Complete(method, target, version, i + 1 - start);
    }

    /** Out of bytes: wait for more, unless the line has already reached the limit. */
    private static Parse more(ByteBuffer buffer, int start, int i) {
        return i - start >= MAX_LINE ? new Malformed("line too long", i - start) : new NeedMore();
    }

    private static String ascii(ByteBuffer buffer, int from, int to) {
        byte[] bytes = new byte[to - from];
        buffer.get(from, bytes);
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
