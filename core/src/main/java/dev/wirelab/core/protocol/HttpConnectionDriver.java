package dev.wirelab.core.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

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
 * server (selector, Netty, virtual thread, actor) calls {@link #receive} after every read and
 * sends what {@link #drainTo} hands it; {@link #isClosed()} tells it when to close.
 * {@link #onBytes} does both and returns one array: simpler, for tests and examples.
 *
 * <pre>{@code
 * HttpConnectionDriver http = new HttpConnectionDriver(request -> HttpResponse.text(200, "hi\n"));
 * byte[] reply = http.onBytes(ByteBuffer.wrap(received));   // write reply, then
 * if (http.isClosed()) channel.close();
 * }</pre>
 *
 * <h2>Two kinds of handler</h2>
 * An {@link HttpHandler} gets a decoded {@link HttpRequest} and returns an {@link HttpResponse}:
 * the readable way, a few objects per request. An {@link HttpExchangeHandler} gets a view
 * onto the parser's offsets and writes into the connection's {@link HttpResponseWriter}: for
 * a request without a body nothing is decoded, built or copied in between, so a server that
 * routes on method and target answers with <b>zero allocated bytes per request</b>
 * ({@code HttpRoutes} does; the selector server's allocation test holds it to that).
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
 * "in the output buffer", so the state is left at once and output for many pipelined
 * requests can pile up until the transport drains it (the transports bound that by reading
 * no more while output is owed). {@code Expect: 100-continue} is not answered.
 * Not thread-safe: one driver per connection, called from one thread at a time.
 */
public final class HttpConnectionDriver {

    private static final int INITIAL_BUFFER = 4 * 1024;
    /** States without data are shared: the request path allocates no state objects. */
    private static final ReadingHeaders READING_HEADERS = new ReadingHeaders();
    private static final WritingResponse WRITTEN_KEEP_ALIVE = new WritingResponse(HttpRequest.NO_BODY, READING_HEADERS);

    private final HttpExchangeHandler handler;
    private final HttpRequestParser parser;
    private final ChunkedDecoder chunked;
    private final int maxBuffer;
    private final HttpResponseWriter output = new HttpResponseWriter();
    private final HeadView headView = new HeadView();
    private ByteBuffer inbound = ByteBuffer.allocate(INITIAL_BUFFER).flip(); // read mode: [position, limit) unparsed
    private HttpConnectionState state = READING_HEADERS;
    private long requestsServed;

    public HttpConnectionDriver(HttpHandler handler) {
        this(handler, HttpLimits.DEFAULTS);
    }

    public HttpConnectionDriver(HttpHandler handler, HttpLimits limits) {
        this((request, response) -> response.write(handler.handle(HttpRequest.from(request))), limits);
    }

    public HttpConnectionDriver(HttpExchangeHandler handler, HttpLimits limits) {
        if (limits.maxContentLength() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("this driver collects bodies in a byte[]; maxContentLength must be < 2 GiB");
        }
        this.handler = handler;
        this.parser = new HttpRequestParser(limits);
        this.chunked = new ChunkedDecoder(limits);
        this.maxBuffer = limits.maxRequestLineBytes() + limits.maxHeaderBytes();
    }

    /**
     * Feeds received bytes (all of {@code src} is taken); the responses they caused wait in
     * the driver until {@link #drainTo}.
     */
    public void receive(ByteBuffer src) {
        while (!isClosed()) {
            append(src);
            run();
            if (!src.hasRemaining()) {
                break;
            }
        }
        src.position(src.limit()); // after Closed, the rest is ignored but counts as taken
    }

    /** The peer closed its sending side: close, and say whether it left a request half-sent. */
    public void receiveEndOfInput() {
        state = switch (state) {
            case ReadingHeaders h -> new Closed(inbound.hasRemaining()
                    ? Closed.Cause.TRUNCATED_REQUEST : Closed.Cause.PEER_CLOSED);
            case ReadingBody b -> new Closed(Closed.Cause.TRUNCATED_REQUEST);
            case ReadingChunked c -> new Closed(Closed.Cause.TRUNCATED_REQUEST);
            case WritingResponse w -> w.written();
            case Closed c -> c;
        };
    }

    /**
     * Hands the responses written since the last drain to {@code out} (see
     * {@link Outgoing} for who may touch them when); adds nothing when there are none.
     */
    public void drainTo(Outgoing out) {
        output.drainTo(out);
    }

    /** Feeds received bytes (all of {@code src} is taken); returns the response bytes they caused, possibly none. */
    public byte[] onBytes(ByteBuffer src) {
        receive(src);
        return output.drainToArray();
    }

    /** Convenience for tests and examples. */
    public byte[] onBytes(byte[] src) {
        return onBytes(ByteBuffer.wrap(src));
    }

    /** {@link #receiveEndOfInput()}, then whatever output is still owed. */
    public byte[] onEndOfInput() {
        receiveEndOfInput();
        return output.drainToArray();
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
            case WritingResponse w -> w.written();
            case Closed c -> c;
        };
    }

    private HttpConnectionState readHead(ReadingHeaders waiting) {
        return switch (parser.parse(inbound)) {
            case HttpParseResult.Complete c -> headComplete(c);
            case NeedMore n -> waiting;
            case Malformed m -> reject(m);
        };
    }

    /**
     * A head without a body is answered from the parser's view, before the buffer moves on:
     * the allocation-free path. A head with a body is decoded first, because the buffer will
     * have been reused by the time the body is complete.
     */
    private HttpConnectionState headComplete(HttpParseResult.Complete c) {
        int consumed = c.consumed();
        if (c.isChunked()) {
            HttpRequest request = HttpRequest.of(c.head());
            inbound.position(inbound.position() + consumed);
            chunked.reset();
            return new ReadingChunked(request, new ByteArrayOutputStream());
        }
        if (c.contentLength() > 0) {
            HttpRequest request = HttpRequest.of(c.head());
            inbound.position(inbound.position() + consumed);
            return new ReadingBody(request, new byte[(int) c.contentLength()], 0);
        }
        HttpConnectionState next = respond(headView.of(c.head()));
        inbound.position(inbound.position() + consumed);
        return next;
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

    // ---- building responses ----

    private HttpConnectionState respond(HttpRequestView request) {
        // The parser starts over by itself at the next parse; its head stays valid for this call.
        requestsServed++;
        boolean keepAlive = request.wantsKeepAlive();
        output.begin(request.methodIs("HEAD"));
        try {
            handler.handle(request, output);
            output.finish(keepAlive);
        } catch (RuntimeException e) {
            // A handler bug must not kill the server or leave the client hanging.
            output.abandon();
            output.begin(false);
            output.write(HttpResponse.text(500, "handler failed: " + e.getClass().getSimpleName() + "\n"));
            output.finish(false);
            return new WritingResponse(HttpRequest.NO_BODY, new Closed(Closed.Cause.HANDLER_FAILED));
        }
        return keepAlive ? WRITTEN_KEEP_ALIVE
                : new WritingResponse(HttpRequest.NO_BODY, new Closed(Closed.Cause.CONNECTION_CLOSE));
    }

    private HttpConnectionState reject(Malformed malformed) {
        output.begin(false);
        output.write(HttpResponse.text(malformed.reason().status(), malformed.message() + "\n"));
        output.finish(false);
        return new WritingResponse(HttpRequest.NO_BODY, new Closed(Closed.Cause.MALFORMED_REQUEST));
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
        inbound.put(inbound.position(), src, src.position(), n); // absolute bulk copy: no slice object
        inbound.position(inbound.position() + n);
        src.position(src.position() + n);
        inbound.flip();
        if (n == 0 && src.hasRemaining()) {
            // Unreachable while the parsers enforce their limits: they reject before the buffer fills.
            throw new IllegalStateException("connection buffer full without a parser verdict in state " + state);
        }
    }
}
