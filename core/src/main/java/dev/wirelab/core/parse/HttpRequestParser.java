package dev.wirelab.core.parse;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

import static dev.wirelab.core.parse.HttpSyntax.CR;
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
 * ({@link HttpRequestHead}), decoded only when somebody asks. The {@code Complete} is the
 * parser's own, refilled by every request: <b>it and its head are valid until the next
 * {@code parse} or {@code reset}</b>, so copy what you keep (see
 * {@link HttpParseResult.Complete} for exactly what).
 *
 * <pre>{@code
 * HttpRequestParser parser = new HttpRequestParser(HttpLimits.DEFAULTS); // one per connection
 * // after each read into `in` (position = first unparsed byte, limit = end of data):
 * switch (parser.parse(in)) {
 *     case HttpParseResult.Complete c -> { handle(c.head(), c.contentLength()); in.position(in.position() + c.consumed()); }
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
 * <h2>Two passes per line, not three; or one</h2>
 * The general path finds the LF ({@link WireBytes#indexOf}), then validates the line's
 * contents: a token search for the method or name, and a class search for the target or the
 * value. Each search is one call to the {@link HttpScanner} (eight bytes per step in plain
 * Java, a whole vector per step with the {@code simd} module; see {@link HttpScanners}).
 * The "no bare CR" rule needs no pass of its own: a CR is neither a token character, nor
 * visible ASCII, nor field content, so a line whose contents validate holds no CR except the
 * one before its LF (checked in O(1)). Only when a content rule fails does the parser look
 * for a stray CR, because the rules above rank a bare CR first: the error path pays for the
 * ordering, the hot path does not.
 *
 * <p>Before the general path, with a scanner that keeps one, the field lines are taken
 * from a <em>structural index</em> ({@link HttpScanner#structuralIndex}): the scanner
 * classifies the whole head once, 64 bytes per vector, into an LF mask and a
 * not-a-name-byte mask, and stops at the first control byte that is not half of a CR LF
 * pair. A line inside the index is then free of bare CRs and control bytes by
 * construction, and the parser settles it with two next-set-bit searches and one byte
 * compare (see {@code indexedFieldLines}). The request line's LF and the method's end come
 * from the same index.
 *
 * <p>The LF search of the walk is not a search at all: the walk keeps a cursor, the block
 * it is in and that block's LF bits not yet used, and each line pops the lowest bit
 * ({@code bits & bits - 1}). Searching from each line's start made every line's LF wait for
 * the previous line's: start, block, load, mask, count zeros, the next start, a chain of
 * about a dozen cycles per line that no out-of-order core can overlap. Popping leaves one
 * cycle on that chain, and the lines' other work overlaps. In a CPU-time probe on the
 * browser's request (563 bytes, 14 lines) the parse went from about 185 ns to about 168 ns
 * with nothing else changed. Trimming instructions instead (one compare fewer per line,
 * the line's start passed rather than re-read, the framing names tested by first letter)
 * measured nothing: the walk was waiting, not working.
 *
 * <p>Then a field line is offered to the scanner's fused step
 * ({@link HttpScanner#fieldLine}): the vector scanner settles a clean line from one load
 * and hands back where its name and value are. It only ever <em>accepts</em> a line the
 * general path would accept with the same offsets; everything else, errors included, goes
 * the general way, so the results and the error offsets are the same whichever scanner runs
 * (the tests compare them at every split point). The scalar scanner always declines.
 *
 * <h2>Allocation</h2>
 * The parse path allocates nothing: waiting returns the shared {@link NeedMore#INSTANCE},
 * and a complete head returns the parser's own {@link HttpParseResult.Complete}, refilled.
 * The offset table grows by doubling until it fits the largest request seen, then stays.
 * What does allocate is asked for explicitly: decoding the head's Strings, the
 * {@link HttpParseResult.Complete#framing()} convenience when a Content-Length was sent, and
 * a malformed request's {@link Malformed} and message (once per connection: it is the last).
 *
 * <h2>What the lab simplifies</h2>
 * The target is only checked for visible ASCII, not parsed as a URI form; Host's value is
 * not validated; a Content-Length list like {@code 5, 5} is rejected (RFC 9110 allows
 * either rejecting or collapsing it). Not thread-safe: one parser per connection.
 */
public final class HttpRequestParser {

    private enum Phase { REQUEST_LINE, HEADERS, COMPLETE, MALFORMED }

    private final HttpLimits limits;
    private final WireBytes bytes;
    private final HttpRequestHead head;
    private final HttpSyntax.FieldLine line = new HttpSyntax.FieldLine();
    private final HttpParseResult.Complete complete;

    private Phase phase = Phase.REQUEST_LINE;
    private Malformed malformed;
    private int lineStart;      // first byte of the line being assembled
    private int scanFrom;       // where the LF search resumes: bytes before it hold no LF of this line
    private int headersStart;   // first byte after the request line's CRLF
    private int lineEnd;        // the LF of the line being validated (for the stray-CR check)

    // The structural index: two bit masks per 64-byte block (see HttpScanner#structuralIndex),
    // covering [indexFrom, indexEnd) of the window. Rebuilt by every parse call that needs it.
    private static final int INDEX_BLOCKS = 16;
    private final long[] index = new long[INDEX_BLOCKS * HttpScanner.INDEX_MASKS];
    private int indexFrom;
    private int indexEnd;
    private boolean indexDeclined; // the scanner keeps no index (this call): do not ask again

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

    /** A parser whose searches use the scanner {@link HttpScanners} chose for this JVM. */
    public HttpRequestParser(HttpLimits limits) {
        this(limits, HttpScanners.chosen());
    }

    /**
     * A parser whose searches use {@code scanner}; every scanner gives the same results, so
     * this is for tests and benchmarks that compare them.
     */
    public HttpRequestParser(HttpLimits limits, HttpScanner scanner) {
        this.limits = limits;
        this.bytes = new WireBytes(scanner);
        this.head = new HttpRequestHead(bytes);
        this.complete = new HttpParseResult.Complete(head);
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

    /** Forgets the request in progress (and a sticky {@link Malformed}); the last Complete and its head go stale. */
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
        complete.set(-1, false, 0);
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
        indexFrom = -1; // bytes may have been appended since the last call: index afresh
        indexEnd = -1;
        indexDeclined = false;
        // Phase 1: take complete lines one at a time until the head ends or the bytes do.
        while (true) {
            // The fast step first: a scanner that can take a whole clean field line at once says
            // where its parts are; anything else (or a scanner that declines) goes the general
            // way below, rule by rule.
            if (phase == Phase.HEADERS) {
                HttpParseResult indexed = indexDeclined ? null : indexedFieldLines(); // a scalar scanner keeps no index
                if (indexed != null) {
                    return indexed;
                }
                HttpParseResult fast = cleanFieldLines();
                if (fast != null) {
                    return fast;
                }
            }
            int lf = phase == Phase.REQUEST_LINE ? requestLineEnd() : bytes.indexOf(LF, scanFrom, bytes.length());
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

    /**
     * The request line's LF, or -1. With a scanner that keeps a structural index, the index
     * is built here, from the request's first byte, and then serves the field lines as well;
     * the request line itself is then checked by the general path, rule by rule.
     */
    private int requestLineEnd() {
        if (!indexDeclined && (indexFrom == lineStart || index()) && lineStart < indexEnd) {
            int lf = nextIndexed(HttpScanner.INDEX_LF, lineStart);
            if (lf < indexEnd) {
                return lf;
            }
        }
        return bytes.indexOf(LF, scanFrom, bytes.length());
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
        if (!endsWithCrLf(lf)) {
            return fail(MalformedReason.BARE_LF, lf);
        }
        int end = lf - 1;
        if (end == lineStart) {
            return null; // an empty line before the request line is ignored (RFC 9112 section 2.2)
        }
        // The method: a token ended by exactly one space.
        int methodEnd = methodEnd(end);
        if (methodEnd == lineStart || methodEnd < end && bytes.u8(methodEnd) != SP) {
            return failInLine(MalformedReason.INVALID_METHOD, methodEnd);
        }
        if (methodEnd == end) {
            return failInLine(MalformedReason.INCOMPLETE_REQUEST_LINE, end);
        }
        // The target: visible ASCII ended by exactly one space.
        int targetStart = methodEnd + 1;
        int notVisible = bytes.indexOfNonVisible(targetStart, end);
        int targetEnd = notVisible < 0 ? end : notVisible;
        if (targetEnd == targetStart || targetEnd < end && bytes.u8(targetEnd) != SP) {
            return failInLine(MalformedReason.INVALID_TARGET, targetEnd);
        }
        if (targetEnd == end) {
            return failInLine(MalformedReason.INCOMPLETE_REQUEST_LINE, end);
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

    /** "HTTP/1.1" and "HTTP/1.0" as eight bytes read little-endian: one compare recognises each. */
    private static final long HTTP_1_1 = littleEndian("HTTP/1.1");
    private static final long HTTP_1_0 = littleEndian("HTTP/1.0");

    private static long littleEndian(String eight) {
        long word = 0;
        for (int i = 7; i >= 0; i--) {
            word = word << 8 | eight.charAt(i);
        }
        return word;
    }

    /** {@code HTTP/d.d} exactly, case-sensitive; only 1.0 and 1.1 are spoken. Null after fail(). */
    private HttpVersion version(int start, int end) {
        // The common case in one load and one compare; anything else is judged byte by byte below.
        if (end - start == 8) {
            long word = bytes.u64LittleEndian(start);
            if (word == HTTP_1_1) {
                return HttpVersion.HTTP_1_1;
            }
            if (word == HTTP_1_0) {
                return HttpVersion.HTTP_1_0;
            }
        }
        return versionByteByByte(start, end);
    }

    private HttpVersion versionByteByByte(int start, int end) {
        String pattern = "HTTP/d.d";
        for (int i = 0; i < pattern.length(); i++) {
            int at = start + i;
            if (at >= end) {
                failInLine(MalformedReason.INVALID_VERSION, at);
                return null;
            }
            int b = bytes.u8(at);
            boolean ok = pattern.charAt(i) == 'd' ? b >= '0' && b <= '9' : b == pattern.charAt(i);
            if (!ok) {
                failInLine(MalformedReason.INVALID_VERSION, at);
                return null;
            }
        }
        if (end > start + pattern.length()) {
            failInLine(MalformedReason.INVALID_VERSION, start + pattern.length());
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

    /**
     * Where the method ends. When the line lies inside the structural index, its first byte
     * that is not a letter, digit or '-' tells at once, if it is the space after a non-empty
     * method (those bytes are all token characters); otherwise the token search decides.
     */
    private int methodEnd(int end) {
        if (indexFrom <= lineStart && end < indexEnd) {
            int notName = nextIndexed(HttpScanner.INDEX_NOT_NAME, lineStart);
            if (notName > lineStart && notName < end && bytes.u8(notName) == SP) {
                return notName;
            }
        }
        return tokenEnd(lineStart, end);
    }

    private int tokenEnd(int from, int to) {
        int notTchar = bytes.indexOfNonTchar(from, to);
        return notTchar < 0 ? to : notTchar;
    }

    // ---- field lines: name ":" OWS value OWS CRLF, until an empty line ----

    private HttpParseResult fieldLine(int lf) {
        if (lf + 1 - headersStart > limits.maxHeaderBytes()) {
            return fail(MalformedReason.HEADER_SECTION_TOO_LARGE, headersStart + limits.maxHeaderBytes());
        }
        if (!endsWithCrLf(lf)) {
            return fail(MalformedReason.BARE_LF, lf);
        }
        int end = lf - 1;
        if (end == lineStart) {
            return endOfHead(lf);
        }
        MalformedReason broken = line.scan(bytes, lineStart, end);
        if (broken != null) {
            return failInLine(broken, line.errorOffset);
        }
        // From here on the line is known to be clean: its only CR is the one before the LF.
        if (head.headerCount() == limits.maxHeaderCount()) {
            return fail(MalformedReason.TOO_MANY_HEADERS, lineStart);
        }
        head.addField(line.nameStart, line.nameEnd, line.valueStart, line.valueEnd);
        return framingField();
    }

    /**
     * As many field lines as the structural index shows to be clean, then the empty line if it
     * is next. The index (two bit masks per 64 bytes, built in one pass by the scanner, see
     * {@link HttpScanner#structuralIndex}) ends before the first control byte that is not
     * part of a CR LF pair, so a line whose LF lies inside it already obeys every rule about
     * line endings and control bytes: no bare CR, no bare LF, no control byte in the value.
     * What is left are two searches for the next set bit (the LF that ends the line, and the
     * first byte that cannot be in a name: it must be a colon, and not the line's first
     * byte) and one byte compare. The value's optional whitespace is then trimmed by byte
     * (it is one space, or none). The checks are the general path's, in the same order, so a
     * line that is not clean goes the general way from {@code lineStart}, which reports the
     * error at the same offset. Returns null when the general path should go on.
     */
    private HttpParseResult indexedFieldLines() {
        long lastLf = (long) headersStart + limits.maxHeaderBytes() - 1; // the last LF the header section may have
        int start = lineStart;
        if (start >= indexEnd && !indexAgain(start)) {
            return null;
        }
        // The LF cursor: the block being walked (its first window offset and its LF slot) and
        // its LF bits from the line's start on. Each line then pops one bit instead of
        // searching from an offset, so the next line's LF never waits for this line's.
        int relative = start - indexFrom;
        int slot = (relative >>> 6) * HttpScanner.INDEX_MASKS + HttpScanner.INDEX_LF;
        int block = indexFrom + (relative & -Long.SIZE);
        long lfBits = index[slot] & (-1L << relative); // the shift count is taken mod 64
        while (true) {
            while (lfBits == 0) { // no bounds test: the lanes past the index's end are set
                slot += HttpScanner.INDEX_MASKS;
                block += Long.SIZE;
                lfBits = index[slot];
            }
            int lf = block + Long.numberOfTrailingZeros(lfBits);
            if (lf >= indexEnd) {
                // The line runs past the index: index again from its start, once per call.
                if (!indexAgain(start)) {
                    return null;
                }
                slot = HttpScanner.INDEX_LF;
                block = start;
                lfBits = index[slot];
                continue;
            }
            if (lf > lastLf) {
                return fail(MalformedReason.HEADER_SECTION_TOO_LARGE, headersStart + limits.maxHeaderBytes());
            }
            if (lf == start + 1) { // CR LF: the empty line (inside the index an LF has its CR)
                lineEnd = lf;
                return endOfHead(lf);
            }
            int colon = nextIndexed(HttpScanner.INDEX_NOT_NAME, start);
            if (colon == start || bytes.u8(colon) != ':') { // an LF or CR is no colon: colon < lf - 1
                return null;
            }
            int cr = lf - 1;
            int valueStart = colon + 1;
            while (valueStart < cr && HttpSyntax.isWhitespace(bytes.u8(valueStart))) {
                valueStart++;
            }
            int valueEnd = cr;
            while (valueEnd > valueStart && HttpSyntax.isWhitespace(bytes.u8(valueEnd - 1))) {
                valueEnd--;
            }
            HttpParseResult result = acceptFieldLine(lf, colon, valueStart, valueEnd);
            if (result != null) {
                return result;
            }
            start = lf + 1; // = lineStart
            lfBits &= lfBits - 1; // this LF done: the next set bit is the next line's
        }
    }

    /**
     * Indexes again from {@code start} (the line being walked, {@code lineStart}), unless the
     * scanner declined or the index already starts there: at most once per line, so a line
     * longer than the index goes the general way instead of being indexed forever.
     */
    private boolean indexAgain(int start) {
        return !indexDeclined && indexFrom != start && index();
    }

    /** Indexes the window from {@code lineStart}; false when the scanner declines or nothing is left. */
    private boolean index() {
        indexFrom = lineStart;
        int indexed = lineStart < bytes.length() ? bytes.structuralIndex(lineStart, bytes.length(), index) : -1;
        indexEnd = indexed > 0 ? lineStart + indexed : lineStart;
        indexDeclined = indexed < 0;
        return indexed > 0;
    }

    /**
     * The first byte at or after {@code from} (a window offset inside the index) whose bit is
     * set in mask {@code kind}. One load and one trailing-zero count per block. No bounds
     * test: the index always ends inside a block whose lanes past the end are set in both
     * masks, so the search stops there at the latest (then the answer is {@code >= indexEnd}).
     */
    private int nextIndexed(int kind, int from) {
        int relative = from - indexFrom;
        int slot = (relative >>> 6) * HttpScanner.INDEX_MASKS + kind;
        long bits = index[slot] & (-1L << relative); // the shift count is taken mod 64
        while (bits == 0) {
            slot += HttpScanner.INDEX_MASKS;
            bits = index[slot];
        }
        return indexFrom + (slot / HttpScanner.INDEX_MASKS << 6) + Long.numberOfTrailingZeros(bits);
    }

    /**
     * A field line found clean (by the index or the fused step): the checks that remain, in
     * the general path's order, then the line is recorded and the next one starts after its LF.
     */
    private HttpParseResult acceptFieldLine(int lf, int colon, int valueStart, int valueEnd) {
        lineEnd = lf;
        if (head.headerCount() == limits.maxHeaderCount()) {
            return fail(MalformedReason.TOO_MANY_HEADERS, lineStart);
        }
        head.addField(lineStart, colon, valueStart, valueEnd);
        HttpParseResult framing = null;
        int nameLength = colon - lineStart;
        if (nameLength == 4 || nameLength == 14 || nameLength == 17) { // the only lengths framingField looks at
            line.nameStart = lineStart;
            line.nameEnd = colon;
            line.valueStart = valueStart;
            line.valueEnd = valueEnd;
            framing = framingField(); // before moving on: its failures name this line
        }
        lineStart = lf + 1;
        return framing;
    }

    /**
     * As many field lines as the scanner recognises as clean, one step each (see
     * {@link HttpScanner#fieldLine}), then the empty line that ends the head if it is next.
     * Each check is the general path's, in the same order, minus the ones the scanner settled
     * (CRLF ending, not empty, token name, colon, field content, the value's whitespace).
     * Returns null when the general path should go on from {@code lineStart}.
     */
    private HttpParseResult cleanFieldLines() {
        int length = bytes.length();
        long clean;
        while ((clean = bytes.fieldLine(lineStart, length)) >= 0) {
            HttpParseResult result = cleanFieldLine(clean);
            if (result != null) {
                return result;
            }
        }
        scanFrom = Math.max(scanFrom, lineStart);
        // The empty line: two bytes, no search needed.
        if (lineStart + 1 < length && bytes.u8(lineStart) == CR && bytes.u8(lineStart + 1) == LF) {
            int lf = lineStart + 1;
            if (lf + 1 - headersStart > limits.maxHeaderBytes()) {
                return fail(MalformedReason.HEADER_SECTION_TOO_LARGE, headersStart + limits.maxHeaderBytes());
            }
            lineEnd = lf;
            return endOfHead(lf);
        }
        return null;
    }

    /** One clean line: {@code clean} holds its LF, colon, value start and value end, 16 bits each, relative to the line. */
    private HttpParseResult cleanFieldLine(long clean) {
        int lf = lineStart + (int) (clean >>> 48);
        if (lf + 1 - headersStart > limits.maxHeaderBytes()) {
            return fail(MalformedReason.HEADER_SECTION_TOO_LARGE, headersStart + limits.maxHeaderBytes());
        }
        return acceptFieldLine(lf, lineStart + (int) (clean >>> 32 & 0xFFFF),
                lineStart + (int) (clean >>> 16 & 0xFFFF), lineStart + (int) (clean & 0xFFFF));
    }

    /** The fields that decide where this request ends (and the next begins) get checked as they arrive. */
    private HttpParseResult framingField() {
        // Most names have none of the three lengths: one switch, and no byte is compared.
        return switch (line.nameEnd - line.nameStart) {
            case 14 -> bytes.equalsIgnoreCase(line.nameStart, line.nameEnd, "Content-Length") ? contentLengthField() : null;
            case 17 -> bytes.equalsIgnoreCase(line.nameStart, line.nameEnd, "Transfer-Encoding") ? transferEncodingField() : null;
            case 4 -> bytes.equalsIgnoreCase(line.nameStart, line.nameEnd, "Host") && ++hostCount > 1
                    ? fail(MalformedReason.DUPLICATE_HOST, lineStart) : null;
            default -> null;
        };
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
        if (transferEncoding && !chunkedLast) {
            return fail(MalformedReason.CHUNKED_NOT_FINAL, transferEncodingValue);
        }
        if (transferEncoding && unsupportedCoding) {
            return fail(MalformedReason.UNSUPPORTED_TRANSFER_ENCODING, transferEncodingValue);
        }
        // Content-Length and Transfer-Encoding never both get here: the second one to arrive failed.
        phase = Phase.COMPLETE;
        return complete.set(contentLength, transferEncoding, lf + 1);
    }

    // ---- shared ----

    /** A line ends with CRLF; a lone LF is rejected (RFC 9112 section 2.2 lets a server choose, we are strict). */
    private boolean endsWithCrLf(int lf) {
        lineEnd = lf;
        return lf > lineStart && bytes.u8(lf - 1) == CR;
    }

    /**
     * Fails the current line for a content rule, unless the line holds a stray CR: a bare CR
     * outranks every content rule (it is how smuggling payloads hide a second line ending),
     * and the content scan may have stopped before reaching it. Only error paths search for it.
     */
    private Malformed failInLine(MalformedReason reason, int offset) {
        int strayCr = bytes.indexOf(CR, lineStart, lineEnd - 1);
        return strayCr >= 0 ? fail(MalformedReason.BARE_CR, strayCr) : fail(reason, offset);
    }

    /** Records the failure; it sticks until {@link #reset()}, because the stream is now out of step. */
    private Malformed fail(MalformedReason reason, int offset) {
        phase = Phase.MALFORMED;
        malformed = Malformed.of(reason, offset);
        return malformed;
    }
}
