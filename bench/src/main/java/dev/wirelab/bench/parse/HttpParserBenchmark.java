package dev.wirelab.bench.parse;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import dev.wirelab.bench.BenchmarkDefaults;
import dev.wirelab.core.parse.HttpParseResult;
import dev.wirelab.core.parse.HttpRequestHead;
import dev.wirelab.core.parse.HttpLimits;
import dev.wirelab.core.parse.HttpRequestParser;
import dev.wirelab.core.parse.HttpScanners;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.util.ReferenceCountUtil;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/*
 * How fast is core's HTTP/1.1 request parser beside Netty's, and what does each allocate?
 *
 * core's HttpRequestParser finds the lines of a request head, checks every rule RFC 9112
 * gives (including the ones that stop request smuggling), and records offsets: nothing is
 * decoded until somebody asks. Netty's HttpRequestDecoder, the production twin, decodes the
 * head into an HttpRequest with String names and values and emits the body as HttpContent
 * slices. Both are fed the same bytes, one whole request per read, on a kept-alive
 * connection (one parser, one channel, reused for every request).
 *
 * The corpus (the @Param `request`; rows compare within one request):
 *   SMALL_GET    curl's GET: Host, User-Agent, Accept
 *   BROWSER_GET  a browser's page load: 12 fields, cookies included
 *   POST_FORM    a form login: 7 fields and a 59-byte urlencoded body (Content-Length)
 *
 * BASELINE   SCAN_FOR_END      count CRLFs up to the CRLF CRLF that ends the head and check
 *                              nothing else: the least any parser must do (a floor, not a
 *                              parser: it would accept any garbage that has line ends)
 * APPROACH 1 WIRELAB_OFFSETS   core's parser; the handler asks only what it can get for free
 *                              (method, field count, body framing), so nothing is decoded. Its
 *                              searches use the scanner HttpScanners chose: the simd module's
 *                              Vector API kernels when this JVM has them (BenchmarkDefaults adds
 *                              the module), the scalar one otherwise
 * APPROACH 1s WIRELAB_SCALAR   the same, with the scalar scanner (SWAR, plain Java) forced: what
 *                              the vector kernels buy, measured in the same run
 * APPROACH 2 WIRELAB_DECODED   core's parser, then every method, target, name and value
 *                              decoded to a String: the same work Netty always does
 * TWIN       NETTY             HttpRequestDecoder in an EmbeddedChannel; every message read
 *                              back and released (ReferenceCountUtil), as a handler would
 *
 * Every variant answers the same two facts (field count, body bytes), checked in setup.
 * Fairness notes. Netty's side includes EmbeddedChannel's pipeline hop and its inbound queue
 * (a real server pays a similar hop per message); its input buffer is unreleasable and
 * rewound each time, so feeding allocates nothing there either. Our side "consumes" the body
 * by skipping Content-Length bytes; Netty's slices it. The goals: WIRELAB_OFFSETS >= 3x NETTY
 * with 0 B/op on the parse path; with the Vector API scanner, on BROWSER_GET, >= 2x what the
 * scalar parser did before the scanner seam and >= 5x NETTY (bench/README.md has both runs).
 * WIRELAB_DECODED shows how much of any win is laziness rather than a faster scan.
 *
 * How to run: ./lab bench parsing --filter HttpParserBenchmark
 *        (or: java -jar bench/target/benchmarks.jar HttpParserBenchmark -prof gc)
 */
@State(Scope.Thread)
public class HttpParserBenchmark extends BenchmarkDefaults {

    /** Who parses. */
    public enum Kind {
        SCAN_FOR_END, WIRELAB_OFFSETS, WIRELAB_SCALAR, WIRELAB_DECODED, NETTY
    }

    /** The corpus: realistic requests of three shapes. */
    public enum Request {
        SMALL_GET("GET /api/v1/users/42 HTTP/1.1\r\n"
                + "Host: api.example.com\r\n"
                + "User-Agent: curl/8.5.0\r\n"
                + "Accept: */*\r\n"
                + "\r\n", 3),
        BROWSER_GET("GET /docs/guide/pooling.html?lang=en HTTP/1.1\r\n"
                + "Host: wirelab.example.org\r\n"
                + "User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0\r\n"
                + "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8\r\n"
                + "Accept-Language: en-GB,en;q=0.7,de;q=0.3\r\n"
                + "Accept-Encoding: gzip, deflate, br, zstd\r\n"
                + "Referer: https://wirelab.example.org/docs/\r\n"
                + "Connection: keep-alive\r\n"
                + "Cookie: session=9f2c41d7e0b84a6f; theme=dark; consent=analytics:0\r\n"
                + "Upgrade-Insecure-Requests: 1\r\n"
                + "Sec-Fetch-Dest: document\r\n"
                + "Sec-Fetch-Mode: navigate\r\n"
                + "Sec-Fetch-Site: same-origin\r\n"
                + "\r\n", 12),
        POST_FORM(post("/account/login", "username=ada.lovelace&password=analytical+engine&remember=1"), 7);

        final byte[] wire;
        final int fields;
        final int bodyLength;

        Request(String wire, int fields) {
            this.wire = wire.getBytes(StandardCharsets.ISO_8859_1);
            this.fields = fields;
            this.bodyLength = wire.length() - wire.indexOf("\r\n\r\n") - 4;
        }

        private static String post(String target, String body) {
            return "POST " + target + " HTTP/1.1\r\n"
                    + "Host: shop.example.com\r\n"
                    + "User-Agent: Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36\r\n"
                    + "Accept: text/html\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: " + body.length() + "\r\n"
                    + "Origin: https://shop.example.com\r\n"
                    + "Cookie: csrf=Qm9vdHN0cmFw\r\n"
                    + "\r\n" + body;
        }
    }

    @Param
    public Kind kind;

    @Param
    public Request request;

    private ByteBuffer ours;
    private HttpRequestParser parser;
    private ByteBuf theirs;
    private EmbeddedChannel channel;

    @Setup
    public void setUp(Blackhole bh) {
        ours = ByteBuffer.wrap(request.wire);
        parser = new HttpRequestParser(HttpLimits.DEFAULTS,
                kind == Kind.WIRELAB_SCALAR ? HttpScanners.scalar() : HttpScanners.chosen());
        // Unreleasable: the decoder "releases" its input after each request; we rewind and feed it again.
        theirs = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(request.wire));
        channel = new EmbeddedChannel(new HttpRequestDecoder());
        // Check each path twice (the second request goes through a reused parser or channel)
        // before measuring: the same answer from every variant, or no measurement.
        long expected = answer(request.fields, request.bodyLength);
        for (int i = 0; i < 2; i++) {
            long got = parse(bh);
            if (got != expected) {
                throw new IllegalStateException(kind + " on " + request + ": answered 0x" + Long.toHexString(got)
                        + ", expected 0x" + Long.toHexString(expected) + " (fields << 32 | body bytes)");
            }
        }
    }

    @TearDown
    public void tearDown() {
        channel.finishAndReleaseAll();
    }

    /**
     * Parses one request. Every variant answers the same two facts a server needs before it
     * can route the request and find the next one: how many fields the head has, and how many
     * body bytes follow it.
     */
    @Benchmark
    public long parse(Blackhole bh) {
        return switch (kind) {
            case SCAN_FOR_END -> scanForEnd();
            case WIRELAB_OFFSETS, WIRELAB_SCALAR -> wirelab(null);
            case WIRELAB_DECODED -> wirelab(bh);
            case NETTY -> netty();
        };
    }

    static long answer(int fields, long bodyBytes) {
        return (long) fields << 32 | bodyBytes;
    }

    // ---- BASELINE: count lines up to CRLF CRLF; everything after is "body" ----

    private long scanForEnd() {
        byte[] b = request.wire;
        int lines = 0;
        for (int i = 1; i < b.length; i++) {
            if (b[i] == '\n' && b[i - 1] == '\r') {
                if (i >= 3 && b[i - 2] == '\n' && b[i - 3] == '\r') {
                    return answer(lines - 1, b.length - i - 1); // minus the request line
                }
                lines++;
            }
        }
        return -1;
    }

    // ---- core's parser ----

    /** With a Blackhole, every String the head holds is decoded into it. */
    private long wirelab(Blackhole decodeInto) {
        ours.clear(); // position 0, limit = the request: the whole request arrived in one read
        if (!(parser.parse(ours) instanceof HttpParseResult.Complete complete)) {
            return -1;
        }
        HttpRequestHead head = complete.head();
        if (!head.methodIs("GET") && !head.methodIs("POST")) { // the free question a router asks first
            return -1;
        }
        if (decodeInto != null) {
            decodeAll(head, decodeInto);
        }
        long body = Math.max(complete.contentLength(), 0); // the allocation-free framing accessor
        // The next request starts at consumed + body: a server advances its buffer by exactly that.
        return complete.consumed() + body == ours.limit() ? answer(head.headerCount(), body) : -1;
    }

    private static void decodeAll(HttpRequestHead head, Blackhole bh) {
        bh.consume(head.method());
        bh.consume(head.target());
        for (int i = 0; i < head.headerCount(); i++) {
            bh.consume(head.headerName(i));
            bh.consume(head.headerValue(i));
        }
    }

    // ---- Netty's decoder ----

    private long netty() {
        theirs.readerIndex(0);
        channel.writeInbound(theirs);
        int fields = -1;
        long body = 0;
        Object message;
        while ((message = channel.readInbound()) != null) {
            try {
                HttpObject http = (HttpObject) message;
                if (!http.decoderResult().isSuccess()) {
                    throw new IllegalStateException("Netty rejected " + request + ": " + http.decoderResult());
                }
                if (http instanceof HttpRequest head) {
                    fields = head.headers().size();
                }
                if (http instanceof HttpContent content) {
                    body += content.content().readableBytes();
                }
            } finally {
                ReferenceCountUtil.release(message); // a handler that forgets this leaks pooled memory
            }
        }
        return fields < 0 ? -1 : answer(fields, body);
    }
}
