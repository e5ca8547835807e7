package exercises.http;

import java.nio.ByteBuffer;

/*
 * Exercise http-request-line: parse the first line of an HTTP request, from a buffer that may
 * hold only part of it.
 *
 *     GET /index.html HTTP/1.1\r\n
 *     ^^^ ^^^^^^^^^^^ ^^^^^^^^ ^^^^
 *     method  target  version  CRLF
 *
 * TCP delivers bytes, not lines: a read may stop anywhere, even between '\r' and '\n'. A
 * parser on a server therefore has three answers, never an exception:
 *   Complete  - the whole line is here; here are its parts and how many bytes it used
 *   NeedMore  - everything so far is valid, but the line is not finished: read more, call again
 *   Malformed - these bytes can never become a valid line (say why, and where)
 *
 * The rules (a strict subset of RFC 9112):
 *   method  = one or more of 'A'..'Z'
 *   target  = one or more visible ASCII characters, 0x21..0x7E
 *   version = "HTTP/1.0" or "HTTP/1.1"
 *   single spaces between them, and the line ends with "\r\n" (a bare '\n' is malformed)
 *   a line longer than MAX_LINE bytes (CRLF included) is malformed, even before its end arrives
 *
 * parse reads from buffer.position() to buffer.limit() with absolute gets and leaves the
 * position alone: the caller moves it by Complete.consumed().
 */
public final class RequestLine {

    /** The longest line accepted, CRLF included. */
    public static final int MAX_LINE = 8192;

    /** What parse found. */
    public sealed interface Parse permits Complete, NeedMore, Malformed {
    }

    /** A whole line: its parts, and the bytes it took (CRLF included). */
    public record Complete(String method, String target, String version, int consumed) implements Parse {
    }

    /** Valid so far, not finished yet. */
    public record NeedMore() implements Parse {
    }

    /** Never valid: why, and the index (from the position) of the first bad byte. */
    public record Malformed(String reason, int offset) implements Parse {
    }

    private RequestLine() {
    }

    public static Parse parse(ByteBuffer buffer) {
        // TODO: walk the bytes from position to limit: method, SP, target, SP, version, CR, LF.
        //       Reject a bad byte as soon as you see it; when the bytes run out first, NeedMore.
        //       Never throw, whatever the bytes are.
        throw new UnsupportedOperationException("http-request-line: parse is not written yet (run: lab hint http-request-line)");
    }
}
