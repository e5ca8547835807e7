package dev.wirelab.core.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import dev.wirelab.core.parse.BodyFraming;
import dev.wirelab.core.parse.ChunkedDecoder;
import dev.wirelab.core.parse.ChunkedResult;
import dev.wirelab.core.parse.HttpLimits;
import dev.wirelab.core.parse.HttpParseResult;
import dev.wirelab.core.parse.HttpRequestParser;
import dev.wirelab.core.parse.Malformed;
import dev.wirelab.core.parse.NeedMore;
import dev.wirelab.core.protocol.HttpConnectionState.Closed;
import dev.wirelab.core.protocol.HttpConnectionState.ReadingBody;
import dev.wirelab.core.protocol.HttpConnectionState.ReadingChunked;
import dev.wirelab.core.protocol.HttpConnectionState.ReadingHeaders;
import dev.wirelab.core.protocol.HttpConnectionState.WritingResponse;

/**
 * Runs one HTTP/1.1 connection: bytes in, response bytes out, with no socket in sight. A
 * server (selector, Netty, virtual thread, actor) calls {@link #onBytes} after every read and
 * writes whatever comes back; {@link #isClosed()} tells it when to close.
 *
 * <pre>{@code
 * HttpConnectionDriver http = new HttpConnectionDriver(request -> HttpResponse.text(200, "hi\n"));
 * byte[] reply = http.onBytes(ByteBuffer.wrap(received));   // write reply, then
 * if (http.isClosed()) channel.close();
 * }</pre>
 *
 * <h2>The state machine</h2>
 * {@link #step} is the whole protocol: one exhaustive {@code switch} over
 * {@link HttpConnectionState}, each arm a function from the current state to the next. The
 * driver steps until a state cannot move without more input. Pipelined requests in one read
 * are answered one after another, in order; a malformed request gets its status
 * (400, 413, 414, 431, 501 or 505), {@code Connection: close}, and the connection ends,
 * because after a framing error nobody knows where the next request would start.
 *
 * <h2>Memory</h2>
 * Input is copied into one connection buffer that grows only to the head limits
 * ({@code maxRequestLineBytes + maxHeaderBytes}); a large read is taken in slices of that
 * size, so a client cannot make the driver buffer more than a head's worth of unparsed
 * input. Bodies are collected whole for the handler (up to {@code maxContentLength}).
 *
 * <h2>What the lab simplifies</h2>
 * A socket server would stay in {@link WritingResponse} until the channel accepted every
 * byte and stop reading meanwhile (backpressure, chapter {@code flow}); here "written" means
 * "handed to the caller", so the state is left at once and output for many pipelined
 * requests can pile up in one return value. {@code Expect: 100-continue} is not answered.
 * Not thread-safe: one driver per connection, called from one thread at a time.
 */
public final class HttpConnectionDriver {

    private static final int INITIAL_BUFFER = 4 * 1024;

    private final HttpHandler handler;
    private final HttpRequestParser parser;
    private final ChunkedDecoder chunked;
    private final int maxBuffer;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private ByteBuffer inbound = ByteBuffer.allocate(INITIAL_BUFFER).flip(); // read mode: [position, limit) unparsed
    private HttpConnectionState state = new ReadingHeaders();
    private long requestsServed;

    public HttpConnectionDriver(HttpHandler handler) {
        this(handler, HttpLimits.DEFAULTS);
    }

    public HttpConnectionDriver(HttpHandler handler, HttpLimits limits) {
        if (limits.maxContentLength() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("this driver collects bodies in a byte[]; maxContentLength must be < 2 GiB");
        }
        this.handler = handler;
        this.parser = new HttpRequestParser(limits);
        this.chunked = new ChunkedDecoder(limits);
        this.maxBuffer = limits.maxRequestLineBytes() + limits.maxHeaderBytes();
    }

    /** Feeds received bytes (all of {@code src} is taken); returns the response bytes they caused, possibly none. */
    public byte[] onBytes(ByteBuffer src) {
        while (!isClosed()) {
            append(src);
            run();
            if (!src.hasRemaining()) {
                break;
            }
        }
        src.position(src.limit()); // after Closed, the rest is ignored but counts as taken
        return drainOutput();
    }

    /** Convenience for tests and examples. */
    public byte[] onBytes(byte[] src) {
        return onBytes(ByteBuffer.wrap(src));
    }

    /** The peer closed its sending side: close, and say whether it left a request half-sent. */
    public byte[] onEndOfInput() {
        state = switch (state) {
            case ReadingHeaders h -> new Closed(inbound.hasRemaining()
                    ? Closed.Cause.TRUNCATED_REQUEST : Closed.Cause.PEER_CLOSED);
            case ReadingBody b -> new Closed(Closed.Cause.TRUNCATED_REQUEST);
            case ReadingChunked c -> new Closed(Closed.Cause.TRUNCATED_REQUEST);
            case WritingResponse w -> write(w);
            case Closed c -> c;
        };
        return drainOutput();
    }

    public HttpConnectionState state() {
        return state;
    }

    public boolean isClosed() {
        return state instanceof Closed;
    }

    public long requestsServed() {
        return requestsServed;
    }

    // ---- the state machine ----

    /** Steps until the state stops changing: then it needs more input (or is Closed). */
    private void run() {
        HttpConnectionState previous;
        do {
            previous = state;
            state = step(state);
        } while (state != previous);
    }

    /** One transition. Exhaustive, no default: a new state does not compile until handled here. */
    private HttpConnectionState step(HttpConnectionState current) {
        return switch (current) {
            case ReadingHeaders h -> readHead(h);
            case ReadingBody b -> readBody(b);
            case ReadingChunked c -> readChunked(c);
            case WritingResponse w -> write(w);
            case Closed c -> c;
        };
    }

    private HttpConnectionState readHead(ReadingHeaders waiting) {
        return switch (parser.parse(inbound)) {
            case HttpParseResult.Complete c -> {
                // Decode the head before moving past it: the view points into inbound.
                HttpRequest request = HttpRequest.of(c.head());
                inbound.position(inbound.position() + c.consumed());
                yield switch (c.framing()) {
                    case BodyFraming.None none -> respond(request);
                    case BodyFraming.ContentLength length -> length.length() == 0 ? respond(request)
                            : new ReadingBody(request, new byte[(int) length.length()], 0);
                    case BodyFraming.Chunked ch -> {
                        chunked.reset();
                        yield new ReadingChunked(request, new ByteArrayOutputStream());
                    }
                };
            }
            case NeedMore n -> waiting;
            case Malformed m -> reject(m);
        };
    }

    private HttpConnectionState readBody(ReadingBody reading) {
        if (!inbound.hasRemaining()) {
            return reading;
        }
        ReadingBody next = reading.receive(inbound);
        return next.isComplete() ? respond(next.request().withBody(next.body())) : next;
    }

    private HttpConnectionState readChunked(ReadingChunked reading) {
        ChunkedResult result = chunked.decode(inbound,
                (source, offset, length) -> reading.body().write(source.array(), source.arrayOffset() + offset, length));
        return switch (result) {
            case ChunkedResult.Done done -> respond(reading.request().withBody(reading.body().toByteArray()));
            case NeedMore n -> reading;
            case Malformed m -> reject(m);
        };
    }

    private HttpConnectionState write(WritingResponse writing) {
        output.writeBytes(writing.bytes());
        return writing.written();
    }

    // ---- building responses ----

    private HttpConnectionState respond(HttpRequest request) {
        parser.reset();
        requestsServed++;
        HttpResponse response;
        try {
            response = handler.handle(request);
        } catch (RuntimeException e) {
            // A handler bug must not kill the server or leave the client hanging.
            response = HttpResponse.text(500, "handler failed: " + e.getClass().getSimpleName() + "\n");
            return new WritingResponse(serialize(response, false, true), new Closed(Closed.Cause.HANDLER_FAILED));
        }
        boolean keepAlive = request.wantsKeepAlive();
        byte[] bytes = serialize(response, keepAlive, !request.method().equals("HEAD"));
        return new WritingResponse(bytes, keepAlive ? new ReadingHeaders() : new Closed(Closed.Cause.CONNECTION_CLOSE));
    }

    private HttpConnectionState reject(Malformed malformed) {
        HttpResponse response = HttpResponse.text(malformed.reason().status(), malformed.message() + "\n");
        return new WritingResponse(serialize(response, false, true), new Closed(Closed.Cause.MALFORMED_REQUEST));
    }

    /**
     * Status line, the handler's fields, then the framing fields the driver owns. Always
     * HTTP/1.1 (a server sends its own version, RFC 9110 section 6.2); HTTP/1.0 clients that
     * asked for keep-alive are told it was granted.
     */
    private static byte[] serialize(HttpResponse response, boolean keepAlive, boolean withBody) {
        StringBuilder head = new StringBuilder(128)
                .append("HTTP/1.1 ").append(response.status()).append(' ').append(response.reasonPhrase()).append("\r\n");
        for (HttpField field : response.headers()) {
            head.append(field.name()).append(": ").append(field.value()).append("\r\n");
        }
        head.append("Content-Length: ").append(response.body().length).append("\r\n");
        head.append(keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n");
        head.append("\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream(head.length() + response.body().length);
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (withBody) {
            out.writeBytes(response.body());
        }
        return out.toByteArray();
    }

    // ---- the connection buffer ----

    /** Moves as much of {@code src} as fits into the connection buffer, growing it up to the head limits. */
    private void append(ByteBuffer src) {
        inbound.compact(); // unparsed bytes to the front; the parser's offsets are relative, so this is safe
        if (!inbound.hasRemaining() && inbound.capacity() < maxBuffer) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.min(maxBuffer, inbound.capacity() * 2));
            inbound = bigger.put(inbound.flip());
        }
        int n = Math.min(src.remaining(), inbound.remaining());
        inbound.put(src.slice(src.position(), n));
        src.position(src.position() + n);
        inbound.flip();
        if (n == 0 && src.hasRemaining()) {
            // Unreachable while the parsers enforce their limits: they reject before the buffer fills.
            throw new IllegalStateException("connection buffer full without a parser verdict in state " + state);
        }
    }

    private byte[] drainOutput() {
        byte[] bytes = output.toByteArray();
        output.reset();
        return bytes;
    }
}
