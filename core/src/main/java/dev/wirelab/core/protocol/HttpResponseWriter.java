package dev.wirelab.core.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Where a handler writes its response: straight into the connection's output buffer, in
 * wire format, with nothing built in between. One writer per connection, reused for every
 * response; the {@link HttpConnectionDriver} opens each response, the handler fills in the
 * status, fields and body, and the driver closes it with the framing fields it alone knows
 * ({@code Content-Length}, {@code Connection}).
 *
 * <pre>
 *   output: [ head 1 | body 1 ][ head 2 ][ big body 2 ][ head 3 | body 3 ] ...
 *            one heap buffer ───────────┘  its own slot └─ the same buffer again
 * </pre>
 *
 * <h2>Why bodies are sometimes not copied</h2>
 * A small body is copied behind its head: one buffer, one write, the cheapest thing for a
 * plaintext response. A body of {@value #SEPARATE_BODY_BYTES} bytes or more is left where
 * it is and gets its own slot in {@link Outgoing}, so the transport sends head and body with
 * one gathering write ({@code writev}) and the body is never copied into the output. Pipelined
 * responses stay in order because the slots alternate with slices of the head buffer.
 *
 * <h2>Allocation</h2>
 * After the buffer has grown to the connection's largest burst, a response made of
 * {@link EncodedField}s and a body array allocates nothing: status lines are cached per
 * status, the length is written as digits in place, and the output is handed to the
 * transport through one reused read view. Big bodies cost one slice view each.
 */
public final class HttpResponseWriter implements HttpResponseSink {

    /** Bodies at least this long are sent from where they are, not copied into the output. */
    public static final int SEPARATE_BODY_BYTES = 1024;
    private static final int MAX_SEPARATE = (Outgoing.MAX_BUFFERS - 1) / 2;
    private static final byte[][] STATUS_LINES = new byte[600][];
    private static final byte[] CONTENT_LENGTH = ascii("Content-Length: ");
    private static final byte[] KEEP_ALIVE = ascii("\r\nConnection: keep-alive\r\n\r\n");
    private static final byte[] CLOSE = ascii("\r\nConnection: close\r\n\r\n");
    private static final byte[] EMPTY = new byte[0];

    static {
        for (int status : new int[] {200, 201, 204, 400, 401, 403, 404, 405, 409, 413, 414, 431, 500, 501, 505}) {
            STATUS_LINES[status] = statusLine(status);
        }
    }

    private ByteBuffer heads = ByteBuffer.allocate(4 * 1024); // fill mode: [0, position) is output
    private ByteBuffer view = heads.duplicate();
    private final int[] separateAt = new int[MAX_SEPARATE];
    private final ByteBuffer[] separateBodies = new ByteBuffer[MAX_SEPARATE];
    private int separate;
    private boolean handedOut;

    // The response being written.
    private int responseStart;
    private int separateAtStart;
    private boolean statusWritten;
    private boolean bodyOnly;
    private byte[] body = EMPTY;

    HttpResponseWriter() {
    }

    // ---------------------------------------------------------------- for handlers

    @Override
    public HttpResponseWriter status(int status) {
        if (statusWritten) {
            throw new IllegalStateException("status already written for this response");
        }
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be 100..599, was " + status);
        }
        byte[] line = STATUS_LINES[status];
        put(line != null ? line : statusLine(status));
        statusWritten = true;
        return this;
    }

    /** A field encoded once, up front ({@link EncodedField#of}): one array copy, no allocation. */
    @Override
    public HttpResponseWriter header(EncodedField field) {
        requireStatus();
        put(field.bytes());
        return this;
    }

    /** A field given as text: validated and encoded now (a few small objects). */
    public HttpResponseWriter header(String name, String value) {
        return header(EncodedField.of(name, value));
    }

    /** The body (not copied until the driver finishes the response; do not change it). */
    @Override
    public void body(byte[] bytes) {
        requireStatus();
        body = bytes;
    }

    /** Writes a whole {@link HttpResponse}: how the driver runs a plain {@link HttpHandler}. */
    public void write(HttpResponse response) {
        status(response.status());
        for (HttpField field : response.headers()) {
            header(field.name(), field.value());
        }
        body(response.body());
    }

    // ---------------------------------------------------------------- for the driver

    /** Opens a response; {@code headOnly} for HEAD, whose body is measured but not sent. */
    void begin(boolean headOnly) {
        resetIfHandedOut();
        responseStart = heads.position();
        separateAtStart = separate;
        statusWritten = false;
        bodyOnly = headOnly;
        body = EMPTY;
    }

    /** Adds the framing fields and the body. */
    void finish(boolean keepAlive) {
        if (!statusWritten) {
            throw new IllegalStateException("the handler wrote no status");
        }
        put(CONTENT_LENGTH);
        putDigits(body.length);
        put(keepAlive ? KEEP_ALIVE : CLOSE);
        if (!bodyOnly) {
            putBody(body);
        }
        body = EMPTY;
    }

    /** Throws away the response begun last (its handler failed), keeping the ones before it. */
    void abandon() {
        heads.position(responseStart);
        for (int i = separateAtStart; i < separate; i++) {
            separateBodies[i] = null;
        }
        separate = separateAtStart;
        statusWritten = false;
        body = EMPTY;
    }

    boolean hasOutput() {
        return !handedOut && (heads.position() > 0 || separate > 0);
    }

    /**
     * Hands everything written so far to {@code out}: one view of the head buffer when no body
     * went separately (no allocation), else alternating slices and bodies. The buffers stay
     * untouched until the next response begins, which the transport's contract orders after
     * it has sent or copied them.
     */
    void drainTo(Outgoing out) {
        if (handedOut) {
            return;
        }
        handedOut = true;
        if (separate == 0) {
            out.add(view.limit(heads.position()).position(0));
            return;
        }
        int from = 0;
        for (int i = 0; i < separate; i++) {
            out.add(heads.slice(from, separateAt[i] - from));
            out.add(separateBodies[i]);
            from = separateAt[i];
        }
        out.add(heads.slice(from, heads.position() - from));
    }

    /** Everything written so far as one array (for {@link HttpConnectionDriver#onBytes(ByteBuffer)}). */
    byte[] drainToArray() {
        Outgoing out = new Outgoing();
        drainTo(out);
        byte[] all = out.toByteArray();
        resetIfHandedOut();
        return all;
    }

    private void resetIfHandedOut() {
        if (handedOut) {
            handedOut = false;
            heads.clear();
            for (int i = 0; i < separate; i++) {
                separateBodies[i] = null;
            }
            separate = 0;
        }
    }

    // ---------------------------------------------------------------- bytes

    private void putBody(byte[] bytes) {
        if (bytes.length >= SEPARATE_BODY_BYTES && separate < MAX_SEPARATE) {
            separateAt[separate] = heads.position();
            separateBodies[separate++] = ByteBuffer.wrap(bytes);
        } else {
            put(bytes);
        }
    }

    private void put(byte[] bytes) {
        ensure(bytes.length);
        heads.put(bytes);
    }

    /** A non-negative number as ASCII digits, written in place from the last digit back. */
    private void putDigits(long value) {
        int digits = 1;
        for (long v = value; v >= 10; v /= 10) {
            digits++;
        }
        ensure(digits);
        int end = heads.position() + digits;
        for (int at = end - 1; at >= heads.position(); at--) {
            heads.put(at, (byte) ('0' + value % 10));
            value /= 10;
        }
        heads.position(end);
    }

    /** Grows by doubling: a connection's buffer settles at its largest burst and stays. */
    private void ensure(int more) {
        if (heads.remaining() >= more) {
            return;
        }
        int capacity = heads.capacity();
        while (capacity - heads.position() < more) {
            capacity *= 2;
        }
        ByteBuffer bigger = ByteBuffer.allocate(capacity);
        bigger.put(heads.flip());
        heads = bigger;
        view = heads.duplicate();
    }

    private void requireStatus() {
        if (!statusWritten) {
            throw new IllegalStateException("write the status first");
        }
    }

    private static byte[] statusLine(int status) {
        String reason = HttpResponse.reasonPhrase(status);
        return ascii("HTTP/1.1 " + status + " " + reason + "\r\n");
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
