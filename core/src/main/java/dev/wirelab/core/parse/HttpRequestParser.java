package dev.wirelab.core.parse;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

import static dev.wirelab.core.parse.HttpSyntax.LF;
import static dev.wirelab.core.parse.HttpSyntax.SP;

/**
 * An incremental, zero-copy HTTP/1.1 request-head parser (RFC 9112) that never throws on
 * bytes from the network.
 *
 * <h2>The idea</h2>
 * TCP delivers a byte stream, not requests: one read may hold half a request line, the next
 * the rest plus two pipelined requests. The parser is therefore fed "everything received so
 * far" and answers {@link HttpParseResult.Complete}, {@link NeedMore} or {@link Malformed}.
 * It never copies the head: the result is a set of offsets into the caller's buffer
 * ({@link HttpRequestHead}), decoded only when somebody asks.
 *
 * <pre>{@code
 * HttpRequestParser parser = new HttpRequestParser(HttpLimits.DEFAULTS); // one per connection
 * // after each read into `in` (position = first unparsed byte, limit = end of data):
 * switch (parser.parse(in)) {
 *     case HttpParseResult.Complete c -> { handle(c.head(), c.framing()); in.position(in.position() + c.consumed()); }
 *     case NeedMore n -> { }                      // read again; keep the bytes where they are
 *     case Malformed m -> reply(m.reason().status(), m.message()); // and close
 * }
 * }</pre>
 *
 * <h2>What it keeps between calls, and why</h2>
 * The bytes of a partial request stay in the <em>caller's</em> buffer; the parser keeps only
 * ints, all relative to the request's first byte: where the current line starts, how far
 * the search for its LF got (so no byte is scanned twice), the request-line offsets, one
 * offset quadruple per field seen, and what the framing fields said so far (Content-Length
 * value, Transfer-Encoding state, Host count). Relative offsets are what make compaction
 * safe: between calls the caller may append bytes, {@code compact()} the buffer, or move
 * the request into a bigger one, as long as the request's first byte is at
 * {@code position()} (or {@code start} for a segment) each time.
 *
 * <h2>Rules, in the order they are checked</h2>
 * Each line is first found (its LF), then measured against the limits, then its line ending
 * is checked (CRLF, no bare CR), then its contents. Checking the length before the contents
 * is what makes the result independent of how the bytes were split: an over-long line is
 * reported at the same offset whether its LF has arrived or not. See
 * {@link MalformedReason} for every rule and which of them stop request smuggling.
 *
 * <h2>Allocation</h2>
 * Waiting ({@link NeedMore}) allocates nothing. A complete head allocates one
 * {@link HttpParseResult.Complete} (and a {@link BodyFraming.ContentLength} when a length
 * was sent); the offset table grows by doubling until it fits the largest request seen,
 * then stays. A malformed request allocates its {@link Malformed} and message.
 *
 * <h2>What the lab simplifies</h2>
 * The target is only checked for visible ASCII, not parsed as a URI form; Host's value is
 * not validated; a Content-Length list like {@code 5, 5} is rejected (RFC 9110 allows
 * either rejecting or collapsing it). Not thread-safe: one parser per connection.
 */
public final class HttpRequestParser {

    private enum Phase { REQUEST_LINE, HEADERS, COMPLETE, MALFORMED }

    private final HttpLimits limits;
    private final WireBytes bytes = new WireBytes();
    private final HttpRequestHead head = new HttpRequestHead(bytes);
    private final HttpSyntax.FieldLine line = new HttpSyntax.FieldLine();

    private Phase phase = Phase.REQUEST_LINE;
    private Malformed malformed;
    private int lineStart;      // first byte of the line being assembled
    private int scanFrom;       // where the LF search resumes: bytes before it hold no LF of this line
    private int headersStart;   // first byte after the request line's CRLF

    // What the framing fields said so far.
    private long contentLength;
    private int hostCount;
    private boolean transferEncoding;
    private boolean chunkedSeen;
    private boolean chunkedLast;
    private boolean unsupportedCoding;
    private int transferEncodingValue;

    public HttpRequestParser() {
        this(HttpLimits.DEFAULTS);
    }

    public HttpRequestParser(HttpLimits limits) {
        this.limits = limits;
        reset();
    }

    /**
     * Parses {@code buffer[position, limit)}, which must hold the current request from its
     * first byte. Neither position nor limit is changed; after {@code Complete} the caller
     * advances the position by {@code consumed} and the next call starts a new request.
     */
    public HttpParseResult parse(ByteBuffer buffer) {
        return parse(bytes.wrap(buffer, buffer.position(), buffer.limit()));
    }

    /** Parses {@code segment[start, end)}, which must hold the current request from its first byte. */
    public HttpParseResult parse(MemorySegment segment, long start, long end) {
        return parse(bytes.wrap(segment, start, end));
    }

    /** Forgets the request in progress (and a sticky {@link Malformed}); the head view goes stale. */
    public void reset() {
        phase = Phase.REQUEST_LINE;
        malformed = null;
        lineStart = 0;
        scanFrom = 0;
        headersStart = 0;
        contentLength = -1;
        hostCount = 0;
        transferEncoding = false;
        chunkedSeen = false;
        chunkedLast = false;
        unsupportedCoding = false;
        transferEncodingValue = 0;
        head.clear();
    }

    public HttpLimits limits() {
        return limits;
    }

    private HttpParseResult parse(boolean wrapped) {
        // Phase 0: a finished request hands over to the next; a malformed one stays malformed.
        if (phase == Phase.COMPLETE) {
            reset();
        }
        if (phase == Phase.MALFORMED) {
            return malformed;
        }
        if (!wrapped || bytes.length() < scanFrom) {
            throw new IllegalStateException("the buffer lost bytes the parser already read: "
                    + "keep the request's first byte at position() and only append");
        }
        // Phase 1: take complete lines one at a time until the head ends or the bytes do.
        while (true) {
            int lf = bytes.indexOf(LF, scanFrom, bytes.length());
            if (lf < 0) {
                scanFrom = bytes.length();
                return waitingOrTooLong();
            }
            HttpParseResult result = phase == Phase.REQUEST_LINE ? requestLine(lf) : fieldLine(lf);
            if (result != null) {
                return result;
            }
            lineStart = lf + 1;
            scanFrom = lf + 1;
        }
    }

    /** No LF yet. If the line can no longer fit its limit, say so now rather than buffer on. */
    private HttpParseResult waitingOrTooLong() {
        int available = bytes.length();
        if (phase == Phase.REQUEST_LINE && available >= limits.maxRequestLineBytes()) {
            return fail(MalformedReason.REQUEST_LINE_TOO_LONG, limits.maxRequestLineBytes());
        }
        if (phase == Phase.HEADERS && available - headersStart >= limits.maxHeaderBytes()) {
            return fail(MalformedReason.HEADER_SECTION_TOO_LARGE, headersStart + limits.maxHeaderBytes());
        }
        return NeedMore.INSTANCE;
    }

    // ---- the request line: method SP request-target SP HTTP-version CRLF ----

    private HttpParseResult requestLine(int lf) {
        if (lf + 1 > limits.maxRequestLineBytes()) {
            return fail(MalformedReason.REQUEST_LINE_TOO_LONG, limits.maxRequestLineBytes());
        }
        HttpParseResult ending = lineEnding(lf);
        if (ending != null) {
            return ending;
        }
        int end = lf - 1;
        if (end == lineStart) {
            return null; // an empty line before the request line is ignored (RFC 9112 section 2.2)
        }
        // The method: a token ended by exactly one space.
        int methodEnd = tokenEnd(lineStart, end);
        if (methodEnd == lineStart || methodEnd < end && bytes.u8(methodEnd) != SP) {
            return fail(MalformedReason.INVALID_METHOD, methodEnd);
        }
        if (methodEnd == end) {
            return fail(MalformedReason.INCOMPLETE_REQUEST_LINE, end);
        }
        // The target: visible ASCII ended by exactly one space.
        int targetStart = methodEnd + 1;
        int targetEnd = targetStart;
        while (targetEnd < end && HttpSyntax.isVisibleAscii(bytes.u8(targetEnd))) {
            targetEnd++;
        }
        if (targetEnd == targetStart || targetEnd < end && bytes.u8(targetEnd) != SP) {
            return fail(MalformedReason.INVALID_TARGET, targetEnd);
        }
        if (targetEnd == end) {
            return fail(MalformedReason.INCOMPLETE_REQUEST_LINE, end);
        }
        // The version, then the line is done.
        int versionStart = targetEnd + 1;
        HttpVersion version = version(versionStart, end);
        if (version == null) {
            return malformed;
        }
        head.requestLine(lineStart, methodEnd, targetStart, targetEnd, version);
        phase = Phase.HEADERS;
        headersStart = lf + 1;
        return null;
    }

    /** {@code HTTP/d.d} exactly, case-sensitive; only 1.0 and 1.1 are spoken. Null after fail(). */
    private HttpVersion version(int start, int end) {
        String pattern = "HTTP/d.d";
        for (int i = 0; i < pattern.length(); i++) {
            int at = start + i;
            if (at >= end) {
                fail(MalformedReason.INVALID_VERSION, at);
                return null;
            }
            int b = bytes.u8(at);
            boolean ok = pattern.charAt(i) == 'd' ? b >= '0' && b <= '9' : b == pattern.charAt(i);
            if (!ok) {
                fail(MalformedReason.INVALID_VERSION, at);
                return null;
            }
        }
        if (end > start + pattern.length()) {
            fail(MalformedReason.INVALID_VERSION, start + pattern.length());
            return null;
        }
        if (bytes.equalsExactly(start, end, "HTTP/1.1")) {
            return HttpVersion.HTTP_1_1;
        }
        if (bytes.equalsExactly(start, end, "HTTP/1.0")) {
            return HttpVersion.HTTP_1_0;
        }
        fail(MalformedReason.UNSUPPORTED_VERSION, start);
        return null;
    }

    private int tokenEnd(int from, int to) {
        int i = from;
        while (i < to && HttpSyntax.isTchar(bytes.u8(i))) {
            i++;
        }
        return i;
    }

    // ---- field lines: name ":" OWS value OWS CRLF, until an empty line ----

    private HttpParseResult fieldLine(int lf) {
        if (lf + 1 - headersStart > limits.maxHeaderBytes()) {
            return fail(MalformedReason.HEADER_SECTION_TOO_LARGE, headersStart + limits.maxHeaderBytes());
        }
        HttpParseResult ending = lineEnding(lf);
        if (ending != null) {
            return ending;
        }
        int end = lf - 1;
        if (end == lineStart) {
            return endOfHead(lf);
        }
        MalformedReason broken = line.scan(bytes, lineStart, end);
        if (broken != null) {
            return fail(broken, line.errorOffset);
        }
        if (head.headerCount() == limits.maxHeaderCount()) {
            return fail(MalformedReason.TOO_MANY_HEADERS, lineStart);
        }
        head.addField(line.nameStart, line.nameEnd, line.valueStart, line.valueEnd);
        return framingField();
    }

    /** The fields that decide where this request ends (and the next begins) get checked as they arrive. */
    private HttpParseResult framingField() {
        if (bytes.equalsIgnoreCase(line.nameStart, line.nameEnd, "Content-Length")) {
            return contentLengthField();
        }
        if (bytes.equalsIgnoreCase(line.nameStart, line.nameEnd, "Transfer-Encoding")) {
            return transferEncodingField();
        }
        if (bytes.equalsIgnoreCase(line.nameStart, line.nameEnd, "Host") && ++hostCount > 1) {
            return fail(MalformedReason.DUPLICATE_HOST, lineStart);
        }
        return null;
    }

    private HttpParseResult contentLengthField() {
        // Syntax first: 1*DIGIT, and it must fit in a long.
        int from = line.valueStart;
        int to = line.valueEnd;
        if (from == to) {
            return fail(MalformedReason.INVALID_CONTENT_LENGTH, from);
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            int digit = bytes.u8(i) - '0';
            if (digit < 0 || digit > 9) {
                return fail(MalformedReason.INVALID_CONTENT_LENGTH, i);
            }
            if (value > (Long.MAX_VALUE - digit) / 10) {
                return fail(MalformedReason.CONTENT_LENGTH_OVERFLOW, i);
            }
            value = value * 10 + digit;
        }
        // Then agreement with the other framing fields, then the size limit.
        if (transferEncoding) {
            return fail(MalformedReason.CONTENT_LENGTH_WITH_TRANSFER_ENCODING, lineStart);
        }
        if (contentLength >= 0 && contentLength != value) {
            return fail(MalformedReason.CONFLICTING_CONTENT_LENGTH, lineStart);
        }
        if (value > limits.maxContentLength()) {
            return fail(MalformedReason.BODY_TOO_LARGE, from);
        }
        contentLength = value;
        return null;
    }

    private HttpParseResult transferEncodingField() {
        if (head.version() == HttpVersion.HTTP_1_0) {
            return fail(MalformedReason.TRANSFER_ENCODING_IN_HTTP_1_0, lineStart);
        }
        if (contentLength >= 0) {
            return fail(MalformedReason.CONTENT_LENGTH_WITH_TRANSFER_ENCODING, lineStart);
        }
        transferEncoding = true;
        transferEncodingValue = line.valueStart;
        // Walk the comma-separated codings; chunked must come once, and last (checked at the end).
        int element = line.valueStart;
        while (element <= line.valueEnd) {
            int comma = bytes.indexOf(',', element, line.valueEnd);
            int elementEnd = comma < 0 ? line.valueEnd : comma;
            int from = HttpSyntax.skipWhitespace(bytes, element, elementEnd);
            int to = elementEnd;
            while (to > from && HttpSyntax.isWhitespace(bytes.u8(to - 1))) {
                to--;
            }
            if (from == to) {
                return fail(MalformedReason.CHUNKED_NOT_FINAL, from);
            }
            boolean chunked = bytes.equalsIgnoreCase(from, to, "chunked");
            if (chunked && chunkedSeen) {
                return fail(MalformedReason.CHUNKED_NOT_FINAL, from);
            }
            chunkedSeen |= chunked;
            unsupportedCoding |= !chunked;
            chunkedLast = chunked;
            element = elementEnd + 1;
        }
        return null;
    }

    /** The empty line: decide the framing from everything the fields said. */
    private HttpParseResult endOfHead(int lf) {
        if (head.version() == HttpVersion.HTTP_1_1 && hostCount == 0) {
            return fail(MalformedReason.MISSING_HOST, lineStart);
        }
        BodyFraming framing = BodyFraming.NONE;
        if (transferEncoding) {
            if (!chunkedLast) {
                return fail(MalformedReason.CHUNKED_NOT_FINAL, transferEncodingValue);
            }
            if (unsupportedCoding) {
                return fail(MalformedReason.UNSUPPORTED_TRANSFER_ENCODING, transferEncodingValue);
            }
            framing = BodyFraming.CHUNKED;
        } else if (contentLength >= 0) {
            framing = new BodyFraming.ContentLength(contentLength);
        }
        phase = Phase.COMPLETE;
        return new HttpParseResult.Complete(head, framing, lf + 1);
    }

    // ---- shared ----

    /** CRLF and nothing else ends a line; a CR anywhere else is rejected. */
    private HttpParseResult lineEnding(int lf) {
        int bad = HttpSyntax.badLineEnding(bytes, lineStart, lf);
        if (bad < 0) {
            return null;
        }
        return fail(bad == lf ? MalformedReason.BARE_LF : MalformedReason.BARE_CR, bad);
    }

    /** Records the failure; it sticks until {@link #reset()}, because the stream is now out of step. */
    private Malformed fail(MalformedReason reason, int offset) {
        phase = Phase.MALFORMED;
        malformed = Malformed.of(reason, offset);
        return malformed;
    }
}
