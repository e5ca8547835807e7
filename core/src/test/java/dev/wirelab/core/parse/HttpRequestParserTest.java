package dev.wirelab.core.parse;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.wirelab.core.parse.HttpSamples.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The parser's rules, split invariance and fuzzing, run once per {@link HttpScanner} this JVM
 * can run (core: the scalar one; the simd module runs this class again with its vector
 * scanner beside it). Every expectation is the same for every scanner: which one searched
 * must never change a result.
 */
@ParameterizedClass(name = "scanner={0}")
@MethodSource("dev.wirelab.core.parse.HttpScannerTest#scanners")
class HttpRequestParserTest {

    private static final HttpLimits DEFAULTS = HttpLimits.DEFAULTS;

    @Parameter
    HttpScanner scanner;

    private HttpRequestParser parser() {
        return parser(DEFAULTS);
    }

    private HttpRequestParser parser(HttpLimits limits) {
        return new HttpRequestParser(limits, scanner);
    }

    private HttpParseResult.Complete complete(String request) {
        return assertInstanceOf(HttpParseResult.Complete.class, parser().parse(ByteBuffer.wrap(bytes(request))));
    }

    private String whole(HttpLimits limits, byte[] wire) {
        return HttpSamples.whole(scanner, limits, wire);
    }

    private String split(HttpLimits limits, byte[] wire, int at) {
        return HttpSamples.split(scanner, limits, wire, at);
    }

    private String byteByByte(HttpLimits limits, byte[] wire) {
        return HttpSamples.byteByByte(scanner, limits, wire);
    }

    // ---- what a well-formed head gives ----

    @Test
    void parsesRequestLineAndFieldsAsViews() {
        HttpParseResult.Complete c = complete("GET /index.html?q=1 HTTP/1.1\r\nHost: example.test\r\nAccept:  */* \r\n\r\n");
        HttpRequestHead head = c.head();

        assertSame("GET", head.method(), "standard methods come back as shared constants, not new Strings");
        assertTrue(head.methodIs("GET"));
        assertFalse(head.methodIs("get"));
        assertEquals("/index.html?q=1", head.target());
        assertEquals(HttpVersion.HTTP_1_1, head.version());
        assertEquals(2, head.headerCount());
        assertEquals("Host", head.headerName(0));
        assertEquals("example.test", head.headerValue(0));
        assertEquals("*/*", head.headerValue(1), "optional whitespace around a value is not part of it");
        assertTrue(head.headerNameIs(1, "ACCEPT"));
        assertEquals("example.test", head.header("host"));
        assertNull(head.header("Cookie"));
        assertSame(BodyFraming.NONE, c.framing());
        assertEquals(67, c.consumed());
    }

    /** The value view shares the request's bytes: nothing is copied to hand it out. */
    @Test
    void headerValueBytesIsAReadOnlyViewIntoTheSameBuffer() {
        byte[] request = bytes("GET / HTTP/1.1\r\nHost: abc\r\n\r\n");
        HttpRequestHead head = assertInstanceOf(HttpParseResult.Complete.class,
                parser().parse(ByteBuffer.wrap(request))).head();

        ByteBuffer value = head.headerValueBytes(0);
        request[22] = 'X'; // change the underlying byte after parsing

        assertTrue(value.isReadOnly());
        assertEquals(3, value.remaining());
        assertEquals('X', value.get(0));
        assertEquals("Xbc", head.headerValue(0), "decoding is lazy: it reads the buffer as it is now");
    }

    @Test
    void reportsContentLengthFramingAndStopsAtTheEndOfTheHead() {
        HttpParseResult.Complete c = complete("POST /f HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello");

        assertEquals(new BodyFraming.ContentLength(5), c.framing());
        assertEquals(48, c.consumed(), "the body is not part of the head");
    }

    @Test
    void reportsChunkedFramingCaseInsensitively() {
        assertSame(BodyFraming.CHUNKED, complete("POST / HTTP/1.1\r\nHost: h\r\ntransfer-encoding: CHUNKED\r\n\r\n").framing());
    }

    /** Two equal Content-Length fields do not disagree about the framing, so they are accepted. */
    @Test
    void acceptsRepeatedIdenticalContentLength() {
        assertEquals(new BodyFraming.ContentLength(3),
                complete("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\n").framing());
    }

    @Test
    void acceptsHttp10WithoutHost() {
        assertEquals(HttpVersion.HTTP_1_0, complete("GET / HTTP/1.0\r\n\r\n").head().version());
    }

    /** RFC 9112 section 2.2: a server should ignore empty lines before the request line. */
    @Test
    void ignoresEmptyLinesBeforeTheRequestLine() {
        HttpParseResult.Complete c = complete("\r\n\r\nDELETE /x HTTP/1.1\r\nHost: h\r\n\r\n");

        assertSame("DELETE", c.head().method());
        assertEquals("/x", c.head().target());
        assertEquals(35, c.consumed());
    }

    @Test
    void keepsObsTextInValuesAndDecodesItAsLatin1() {
        assertEquals("caf\u00e9", complete("GET / HTTP/1.1\r\nHost: h\r\nX-Name: caf\u00e9\r\n\r\n").head().header("X-Name"));
    }

    @Test
    void findsTokensInCommaSeparatedFields() {
        HttpRequestHead head = complete("GET / HTTP/1.1\r\nHost: h\r\nConnection: keep-alive , Upgrade\r\nConnection: CLOSE\r\n\r\n").head();

        assertTrue(head.hasToken("connection", "upgrade"));
        assertTrue(head.hasToken("Connection", "close"));
        assertFalse(head.hasToken("Connection", "keep"));
        assertFalse(head.hasToken("Host", "close"));
    }

    /** Pipelining: after Complete the caller advances by consumed, and the next call starts the next request. */
    @Test
    void parsesPipelinedRequestsOneAfterAnother() {
        ByteBuffer buffer = ByteBuffer.wrap(bytes("GET /a HTTP/1.1\r\nHost: h\r\n\r\nGET /b HTTP/1.1\r\nHost: h\r\n\r\nGET /c"));
        HttpRequestParser parser = parser();

        var first = assertInstanceOf(HttpParseResult.Complete.class, parser.parse(buffer));
        assertEquals("/a", first.head().target());
        buffer.position(buffer.position() + first.consumed());
        var second = assertInstanceOf(HttpParseResult.Complete.class, parser.parse(buffer));
        assertEquals("/b", second.head().target());
        buffer.position(buffer.position() + second.consumed());

        assertSame(NeedMore.INSTANCE, parser.parse(buffer));
    }

    @Test
    void parsesTheSameRequestFromAMemorySegment() {
        byte[] request = bytes("xxPUT /m HTTP/1.1\r\nHost: seg\r\nContent-Length: 2\r\n\r\nok");
        HttpParseResult.Complete c = assertInstanceOf(HttpParseResult.Complete.class,
                parser().parse(MemorySegment.ofArray(request), 2, request.length));

        assertEquals("PUT /m HTTP/1.1\nHost: seg\nContent-Length: 2", c.head().toString());
        assertEquals(new BodyFraming.ContentLength(2), c.framing());
        assertEquals(49, c.consumed());
    }

    /**
     * The Complete is the parser's own and is refilled by every request: what a caller keeps
     * past the next parse it must copy first (numbers into locals, text decoded to Strings).
     */
    @Test
    void overwritesTheLastCompleteOnTheNextParse() {
        ByteBuffer buffer = ByteBuffer.wrap(bytes("POST /a HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\n\r\nok"
                + "GET /bb HTTP/1.1\r\nHost: h\r\nAccept: */*\r\n\r\n"));
        HttpRequestParser parser = parser();

        HttpParseResult.Complete first = assertInstanceOf(HttpParseResult.Complete.class, parser.parse(buffer));
        int firstConsumed = first.consumed();            // copied, as the docs say
        long firstLength = first.contentLength();
        String firstTarget = first.head().target();
        buffer.position(buffer.position() + firstConsumed + (int) firstLength);
        HttpParseResult.Complete second = assertInstanceOf(HttpParseResult.Complete.class, parser.parse(buffer));

        assertSame(first, second);                       // one object, refilled
        assertEquals("/bb", first.head().target());      // the held reference now describes the second request
        assertEquals(-1, first.contentLength());
        assertEquals(2, first.head().headerCount());
        assertEquals(42, first.consumed());
        assertEquals(48, firstConsumed);                 // the copies are untouched
        assertEquals(2, firstLength);
        assertEquals("/a", firstTarget);
    }

    /** Even a parse that only waits for more bytes invalidates the last Complete: it starts the next request. */
    @Test
    void staleCompleteDescribesNothingOnceTheNextRequestStarts() {
        HttpRequestParser parser = parser();
        HttpParseResult.Complete done = assertInstanceOf(HttpParseResult.Complete.class,
                parser.parse(ByteBuffer.wrap(bytes("GET / HTTP/1.1\r\nHost: h\r\nContent-Length: 7\r\n\r\n"))));
        assertEquals(7, done.contentLength());

        assertSame(NeedMore.INSTANCE, parser.parse(ByteBuffer.wrap(bytes("GET /next HT"))));

        assertEquals(0, done.consumed());
        assertEquals(-1, done.contentLength());
        assertEquals(0, done.head().headerCount());
    }

    /** The allocation-free framing accessors and the sealed framing() say the same thing. */
    @Test
    void reportsFramingAsPrimitivesAndAsASealedType() {
        HttpParseResult.Complete length = complete("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 0\r\n\r\n");
        assertEquals(0, length.contentLength());
        assertFalse(length.isChunked());
        assertEquals(new BodyFraming.ContentLength(0), length.framing());

        HttpParseResult.Complete chunked = complete("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n");
        assertEquals(-1, chunked.contentLength());
        assertTrue(chunked.isChunked());
        assertSame(BodyFraming.CHUNKED, chunked.framing());

        HttpParseResult.Complete none = complete("GET / HTTP/1.1\r\nHost: h\r\n\r\n");
        assertEquals(-1, none.contentLength());
        assertFalse(none.isChunked());
        assertSame(BodyFraming.NONE, none.framing());
    }

    /** Waiting costs nothing: the same shared NeedMore every time. */
    @Test
    void returnsTheSharedNeedMoreWhileWaiting() {
        HttpRequestParser parser = parser();

        assertSame(NeedMore.INSTANCE, parser.parse(ByteBuffer.wrap(bytes("GET / HT"))));
        assertSame(NeedMore.INSTANCE, parser.parse(ByteBuffer.wrap(bytes("GET / HTTP/1.1\r\nHo"))));
    }

    /** After a malformed request the stream is out of step: the parser keeps saying so until reset. */
    @Test
    void staysMalformedUntilReset() {
        HttpRequestParser parser = parser();
        Malformed first = assertInstanceOf(Malformed.class, parser.parse(ByteBuffer.wrap(bytes("GET / HTTP/1.1\n"))));

        assertSame(first, parser.parse(ByteBuffer.wrap(bytes("GET / HTTP/1.1\r\nHost: h\r\n\r\n"))));
        parser.reset();
        assertInstanceOf(HttpParseResult.Complete.class, parser.parse(ByteBuffer.wrap(bytes("GET / HTTP/1.1\r\nHost: h\r\n\r\n"))));
    }

    @Test
    void malformedMessageNamesTheRuleAndTheOffset() {
        Malformed m = assertInstanceOf(Malformed.class, parser().parse(ByteBuffer.wrap(bytes("GET / HTTP/1.1\r\nHost : h\r\n\r\n"))));

        assertEquals("whitespace between field name and colon is forbidden (RFC 9112 section 5.1) (at byte 20)", m.message());
        assertEquals(400, m.reason().status());
    }

    // ---- every rule, one row each: the request, the rule it breaks, where ----

    private static final String RL = "GET / HTTP/1.1\r\n";         // 16 bytes
    private static final String HOST = "Host: a\r\n";              // 9 bytes
    private static final String POST = "POST / HTTP/1.1\r\nHost: a\r\n"; // 26 bytes

    static Stream<Arguments> malformedRequests() {
        HttpLimits d = DEFAULTS;
        return Stream.of(
                row("bare LF ends the request line", d, "GET / HTTP/1.1\n" + HOST + "\r\n", MalformedReason.BARE_LF, 14),
                row("bare LF ends a field line", d, RL + "Host: a\n\r\n", MalformedReason.BARE_LF, 23),
                row("bare LF as the empty line", d, RL + HOST + "\n", MalformedReason.BARE_LF, 25),
                row("bare CR in the request line", d, "GET /\r HTTP/1.1\r\n" + HOST + "\r\n", MalformedReason.BARE_CR, 5),
                row("bare CR in a field value", d, RL + "Host: a\rb\r\n\r\n", MalformedReason.BARE_CR, 23),
                // The content scan stops at the first bad byte; a bare CR later in the line still wins.
                row("bare CR outranks an earlier bad method byte", d, "GE(T /\r HTTP/1.1\r\n" + HOST + "\r\n", MalformedReason.BARE_CR, 6),
                row("bare CR outranks an earlier bad name byte", d, RL + "Ho(st: a\rb\r\n\r\n", MalformedReason.BARE_CR, 24),
                row("method with a non-token char", d, "GE(T / HTTP/1.1\r\n" + HOST + "\r\n", MalformedReason.INVALID_METHOD, 2),
                row("request line starts with a space", d, " GET / HTTP/1.1\r\n" + HOST + "\r\n", MalformedReason.INVALID_METHOD, 0),
                row("tab instead of space after method", d, "GET\t/ HTTP/1.1\r\n" + HOST + "\r\n", MalformedReason.INVALID_METHOD, 3),
                row("two spaces before the target", d, "GET  / HTTP/1.1\r\n" + HOST + "\r\n", MalformedReason.INVALID_TARGET, 4),
                row("non-ASCII byte in the target", d, "GET /\u00e9 HTTP/1.1\r\n" + HOST + "\r\n", MalformedReason.INVALID_TARGET, 5),
                row("method only", d, "GET\r\n\r\n", MalformedReason.INCOMPLETE_REQUEST_LINE, 3),
                row("no version", d, "GET /\r\n\r\n", MalformedReason.INCOMPLETE_REQUEST_LINE, 5),
                row("lower-case version", d, "GET / http/1.1\r\n" + HOST + "\r\n", MalformedReason.INVALID_VERSION, 6),
                row("space after the version", d, "GET / HTTP/1.1 \r\n" + HOST + "\r\n", MalformedReason.INVALID_VERSION, 14),
                row("version cut short", d, "GET / HTTP/1\r\n" + HOST + "\r\n", MalformedReason.INVALID_VERSION, 12),
                row("HTTP/2.0 on the wire", d, "GET / HTTP/2.0\r\n" + HOST + "\r\n", MalformedReason.UNSUPPORTED_VERSION, 6),
                row("obs-fold continuation line", d, RL + HOST + "X: b\r\n c\r\n\r\n", MalformedReason.OBS_FOLD, 31),
                row("whitespace right after the request line", d, RL + " " + HOST + "\r\n", MalformedReason.OBS_FOLD, 16),
                row("space before the colon", d, RL + "Host : a\r\n\r\n", MalformedReason.WHITESPACE_BEFORE_COLON, 20),
                row("tab before the colon", d, RL + HOST + "Content-Length\t: 0\r\n\r\n", MalformedReason.WHITESPACE_BEFORE_COLON, 39),
                row("non-token char in a field name", d, RL + "Ho(st: a\r\n\r\n", MalformedReason.INVALID_HEADER_NAME, 18),
                row("empty field name", d, RL + HOST + ": a\r\n\r\n", MalformedReason.INVALID_HEADER_NAME, 25),
                row("field line without a colon", d, RL + HOST + "Accept\r\n\r\n", MalformedReason.INVALID_HEADER_NAME, 31),
                row("name and value separated by space only", d, RL + HOST + "Accept text\r\n\r\n", MalformedReason.INVALID_HEADER_NAME, 31),
                row("NUL in a field value", d, RL + "Host: a\u0000\r\n\r\n", MalformedReason.INVALID_HEADER_VALUE, 23),
                row("DEL in a field value", d, RL + "Host: a\u007f\r\n\r\n", MalformedReason.INVALID_HEADER_VALUE, 23),
                row("HTTP/1.1 without Host", d, RL + "\r\n", MalformedReason.MISSING_HOST, 16),
                row("two Host fields", d, RL + HOST + "Host: b\r\n\r\n", MalformedReason.DUPLICATE_HOST, 25),
                row("Content-Length then Transfer-Encoding", d, POST + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n",
                        MalformedReason.CONTENT_LENGTH_WITH_TRANSFER_ENCODING, 45),
                row("Transfer-Encoding then Content-Length", d, POST + "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n",
                        MalformedReason.CONTENT_LENGTH_WITH_TRANSFER_ENCODING, 54),
                row("two different Content-Lengths", d, POST + "Content-Length: 5\r\nContent-Length: 6\r\n\r\n",
                        MalformedReason.CONFLICTING_CONTENT_LENGTH, 45),
                row("Content-Length with a letter", d, POST + "Content-Length: 5a\r\n\r\n", MalformedReason.INVALID_CONTENT_LENGTH, 43),
                row("negative Content-Length", d, POST + "Content-Length: -1\r\n\r\n", MalformedReason.INVALID_CONTENT_LENGTH, 42),
                row("Content-Length with a plus sign", d, POST + "Content-Length: +5\r\n\r\n", MalformedReason.INVALID_CONTENT_LENGTH, 42),
                row("Content-Length as a list", d, POST + "Content-Length: 5, 5\r\n\r\n", MalformedReason.INVALID_CONTENT_LENGTH, 43),
                row("empty Content-Length", d, POST + "Content-Length: \r\n\r\n", MalformedReason.INVALID_CONTENT_LENGTH, 42),
                row("Content-Length of 2^63", d, POST + "Content-Length: 9223372036854775808\r\n\r\n",
                        MalformedReason.CONTENT_LENGTH_OVERFLOW, 60),
                row("Content-Length over the limit", d.withMaxContentLength(100), POST + "Content-Length: 101\r\n\r\n",
                        MalformedReason.BODY_TOO_LARGE, 42),
                row("Transfer-Encoding in HTTP/1.0", d, "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n",
                        MalformedReason.TRANSFER_ENCODING_IN_HTTP_1_0, 17),
                row("chunked not last", d, POST + "Transfer-Encoding: chunked, gzip\r\n\r\n", MalformedReason.CHUNKED_NOT_FINAL, 45),
                row("no chunked at all", d, POST + "Transfer-Encoding: gzip\r\n\r\n", MalformedReason.CHUNKED_NOT_FINAL, 45),
                row("chunked twice", d, POST + "Transfer-Encoding: chunked, chunked\r\n\r\n", MalformedReason.CHUNKED_NOT_FINAL, 54),
                row("empty coding in the list", d, POST + "Transfer-Encoding: chunked,\r\n\r\n", MalformedReason.CHUNKED_NOT_FINAL, 53),
                row("chunked then another coding on a later line", d,
                        POST + "Transfer-Encoding: chunked\r\nTransfer-Encoding: gzip\r\n\r\n", MalformedReason.CHUNKED_NOT_FINAL, 73),
                row("a coding before chunked", d, POST + "Transfer-Encoding: gzip, chunked\r\n\r\n",
                        MalformedReason.UNSUPPORTED_TRANSFER_ENCODING, 45),
                row("request line over the limit", d.withMaxRequestLineBytes(16), "GET /aaaaaaaaaaaaaaaa HTTP/1.1\r\n" + HOST + "\r\n",
                        MalformedReason.REQUEST_LINE_TOO_LONG, 16),
                row("empty lines count toward the request-line limit", d.withMaxRequestLineBytes(16), "\r\n\r\n" + RL + HOST + "\r\n",
                        MalformedReason.REQUEST_LINE_TOO_LONG, 16),
                row("header section over the limit", d.withMaxHeaderBytes(16), RL + HOST + "X-Long: 0123456789\r\n\r\n",
                        MalformedReason.HEADER_SECTION_TOO_LARGE, 32),
                row("more fields than the limit", d.withMaxHeaderCount(2), RL + HOST + "A: 1\r\nB: 2\r\n\r\n",
                        MalformedReason.TOO_MANY_HEADERS, 31),
                // ---- smuggling and limit attacks beyond the one-rule-one-row cases above ----
                row("Content-Length in hex", d, POST + "Content-Length: 0x5\r\n\r\n", MalformedReason.INVALID_CONTENT_LENGTH, 43),
                row("Content-Length with an inner space", d, POST + "Content-Length: 1 0\r\n\r\n", MalformedReason.INVALID_CONTENT_LENGTH, 43),
                row("Content-Length of 2^64 (wraps to 0 in unsigned 64-bit)", d, POST + "Content-Length: 18446744073709551616\r\n\r\n",
                        MalformedReason.CONTENT_LENGTH_OVERFLOW, 61),
                row("Content-Length of -2^63", d, POST + "Content-Length: -9223372036854775808\r\n\r\n",
                        MalformedReason.INVALID_CONTENT_LENGTH, 42),
                row("Transfer-Encoding value moved to an obs-fold line", d, POST + "Transfer-Encoding:\r\n chunked\r\n\r\n",
                        MalformedReason.CHUNKED_NOT_FINAL, 44),
                row("vertical tab before chunked", d, POST + "Transfer-Encoding: \u000bchunked\r\n\r\n",
                        MalformedReason.INVALID_HEADER_VALUE, 45),
                row("chunked in quotes", d, POST + "Transfer-Encoding: \"chunked\"\r\n\r\n", MalformedReason.CHUNKED_NOT_FINAL, 45),
                row("Host and host", d, RL + HOST + "host: b\r\n\r\n", MalformedReason.DUPLICATE_HOST, 25),
                row("NUL in a field name", d, RL + "Ho\u0000st: a\r\n\r\n", MalformedReason.INVALID_HEADER_NAME, 18),
                row("CR-only line endings never end a line", d.withMaxRequestLineBytes(16), "GET / HTTP/1.1\rHost: a\r\r\n",
                        MalformedReason.REQUEST_LINE_TOO_LONG, 16),
                row("endless field line with no LF", d.withMaxHeaderBytes(16), RL + "X: " + "a".repeat(40),
                        MalformedReason.HEADER_SECTION_TOO_LARGE, 32));
    }

    private static Arguments row(String rule, HttpLimits limits, String request, MalformedReason reason, int offset) {
        return Arguments.of(rule, limits, request, reason, offset);
    }

    /**
     * Each rule of RFC 9112 that the parser enforces yields its reason at the exact offending byte,
     * and the verdict is the same whether the request arrives whole, in two pieces (at every
     * split point), or one byte at a time. A failure here means a smuggling or limit defence is gone.
     */
    @ParameterizedTest(name = "{0}: {3} @{4}")
    @MethodSource("malformedRequests")
    void rejectsMalformedRequestWithReasonAndOffset(String rule, HttpLimits limits, String request, MalformedReason reason, int offset) {
        byte[] wire = bytes(request);
        String expected = "Malformed " + reason + " @" + offset;

        assertEquals(expected, whole(limits, wire));
        for (int i = 0; i <= wire.length; i++) {
            assertEquals(expected, split(limits, wire, i), "split at " + i);
        }
        assertEquals(expected, byteByByte(limits, wire));
    }

    // ---- framing the parser accepts: exactly one reading, stated ----

    static Stream<Arguments> unambiguousFraming() {
        return Stream.of(
                Arguments.of("two identical Content-Lengths", POST + "Content-Length: 5\r\nContent-Length: 5\r\n\r\n", 5L, false),
                Arguments.of("leading zeros", POST + "Content-Length: 0005\r\n\r\n", 5L, false),
                Arguments.of("optional whitespace around the value", POST + "Content-Length: \t5 \t\r\n\r\n", 5L, false),
                Arguments.of("a zero length", POST + "Content-Length: 0\r\n\r\n", 0L, false),
                Arguments.of("2^63-1, just inside a long", POST + "Content-Length: 9223372036854775807\r\n\r\n", -2L, false),
                Arguments.of("upper-case chunked", POST + "transfer-encoding: CHUNKED\r\n\r\n", -1L, true),
                Arguments.of("neither field: no body", POST + "\r\n", -1L, false));
    }

    /**
     * Where the parser accepts, exactly one framing comes out (a Content-Length, chunked, or none),
     * and the head ends at the empty line. {@code -2} means "over the default limit": 2^63-1 parses
     * as a number and is then refused as too large. A failure means two readings of one request.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("unambiguousFraming")
    void acceptsOnlyFramingWithOneReading(String rule, String request, long contentLength, boolean chunked) {
        HttpParseResult result = new HttpRequestParser().parse(ByteBuffer.wrap(bytes(request)));
        if (contentLength == -2L) {
            assertEquals(MalformedReason.BODY_TOO_LARGE, assertInstanceOf(Malformed.class, result).reason());
            return;
        }
        HttpParseResult.Complete c = assertInstanceOf(HttpParseResult.Complete.class, result, rule);
        assertEquals(contentLength, c.contentLength(), rule);
        assertEquals(chunked, c.isChunked(), rule);
        assertEquals(request.length(), c.consumed(), rule);
    }

    // ---- split invariance on good requests ----

    static Stream<String> wellFormedRequests() {
        return Stream.of(
                "GET / HTTP/1.1\r\nHost: h\r\n\r\n",
                "POST /upload?id=7 HTTP/1.1\r\nHost: example.test\r\nContent-Type: text/plain\r\nContent-Length: 11\r\n\r\nhello world",
                "PUT /c HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
                "\r\nOPTIONS * HTTP/1.0\r\nUser-Agent: \tlab/1.0 \t\r\nX-Empty:\r\n\r\n",
                "GET /a HTTP/1.1\r\nHost: h\r\n\r\nGET /b HTTP/1.1\r\nHost: h\r\n\r\n");
    }

    /** However TCP splits a request, the parser reaches the identical result. */
    @ParameterizedTest
    @MethodSource("wellFormedRequests")
    void givesTheSameResultAtEverySplitPoint(String request) {
        byte[] wire = bytes(request);
        String expected = whole(DEFAULTS, wire);
        assertTrue(expected.startsWith("Complete"), expected);

        for (int i = 0; i <= wire.length; i++) {
            assertEquals(expected, split(DEFAULTS, wire, i), "split at " + i);
        }
        assertEquals(expected, byteByByte(DEFAULTS, wire));
    }

    // ---- randomized ----

    /** Random well-formed requests survive serialise -> parse (split at a random point) unchanged. */
    @Test
    void roundTripsRandomRequests() {
        Random random = new Random(0x5EED_2024L);
        for (int run = 0; run < 2_000; run++) {
            HttpSamples.Sample sample = HttpSamples.randomSample(random);
            byte[] wire = bytes(sample.wire());
            String context = "run " + run + ":\n" + sample.wire();

            HttpRequestParser parser = parser();
            int cut = random.nextInt(wire.length + 1);
            HttpParseResult first = parser.parse(ByteBuffer.wrap(wire, 0, cut).slice());
            HttpParseResult result = first instanceof NeedMore ? parser.parse(ByteBuffer.wrap(wire)) : first;

            HttpParseResult.Complete c = assertInstanceOf(HttpParseResult.Complete.class, result, context);
            HttpRequestHead head = c.head();
            assertEquals(sample.method(), head.method(), context);
            assertEquals(sample.target(), head.target(), context);
            assertEquals(sample.version(), head.version(), context);
            assertEquals(sample.headers().size(), head.headerCount(), context);
            for (int i = 0; i < head.headerCount(); i++) {
                assertEquals(sample.headers().get(i)[0], head.headerName(i), context);
                assertEquals(sample.headers().get(i)[1], head.headerValue(i), context);
            }
            assertEquals(sample.framing(), c.framing(), context);
            assertEquals(wire.length, c.consumed(), context);
        }
    }

    /**
     * Mutated and random bytes never make the parser throw; it always answers with a typed
     * result, a malformed offset lies within the bytes given, and the answer does not depend
     * on whether the bytes came whole or one at a time.
     */
    @Test
    void neverThrowsOnMutatedOrRandomBytes() {
        Random random = new Random(0xF022L);
        Arena arena = Arena.ofAuto();
        List<HttpLimits> limits = List.of(DEFAULTS, new HttpLimits(24, 40, 3, 1000, 16));
        int malformed = 0;
        for (int run = 0; run < 3_000; run++) {
            byte[] wire = run % 5 == 0 ? randomBytes(random) : mutate(random, bytes(HttpSamples.randomSample(random).wire()));
            HttpLimits limit = limits.get(run % 2);

            String whole = whole(limit, wire);
            assertEquals(whole, byteByByte(limit, wire), () -> "byte-by-byte differs for " + java.util.HexFormat.of().formatHex(wire));
            // Heap arrays, direct buffers and native segments take different read paths in WireBytes.
            assertEquals(whole, HttpSamples.describe(parser(limit).parse(direct(wire))), "direct buffer");
            assertEquals(whole, HttpSamples.describe(parser(limit).parse(wire.length == 0
                    ? MemorySegment.NULL : arena.allocate(wire.length).copyFrom(MemorySegment.ofArray(wire)), 0, wire.length)),
                    "native segment");
            HttpParseResult result = parser(limit).parse(ByteBuffer.wrap(wire));
            switch (result) {
                case HttpParseResult.Complete c -> assertTrue(c.consumed() <= wire.length);
                case NeedMore n -> assertTrue(wire.length < limit.maxRequestLineBytes() + limit.maxHeaderBytes());
                case Malformed m -> {
                    malformed++;
                    assertTrue(m.offset() >= 0 && m.offset() <= wire.length, m.message());
                    assertTrue(m.message().startsWith(m.reason().description()), m.message());
                }
            }
        }
        assertTrue(malformed > 1_000, "the mutations should mostly break rules; only " + malformed + " did");
    }

    private static ByteBuffer direct(byte[] wire) {
        return ByteBuffer.allocateDirect(wire.length).put(wire).flip();
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(200)];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Overwrites, inserts or deletes a few bytes, favouring the bytes HTTP framing hinges on. */
    private static byte[] mutate(Random random, byte[] wire) {
        byte[] interesting = {'\r', '\n', ' ', '\t', ':', ',', 0, (byte) 0x80, '0', 'A'};
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int mutations = 1 + random.nextInt(3);
        int[] where = random.ints(mutations, 0, Math.max(1, wire.length)).sorted().toArray();
        int next = 0;
        for (int i = 0; i < wire.length; i++) {
            boolean here = next < where.length && where[next] == i;
            while (next < where.length && where[next] == i) {
                next++;
            }
            if (!here) {
                out.write(wire[i]);
                continue;
            }
            byte b = random.nextBoolean() ? interesting[random.nextInt(interesting.length)] : (byte) random.nextInt(256);
            switch (random.nextInt(3)) {
                case 0 -> out.write(b);                      // overwrite
                case 1 -> { out.write(b); out.write(wire[i]); } // insert
                default -> { }                               // delete
            }
        }
        return out.toByteArray();
    }
}
