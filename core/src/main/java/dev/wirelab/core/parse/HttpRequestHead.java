package dev.wirelab.core.parse;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A parsed request head that owns no bytes: a handful of int offsets pointing into the
 * buffer the request arrived in. Nothing is decoded until asked for, so a server that only
 * looks at the method and one header never builds a String for the other twenty.
 *
 * <h2>Two kinds of accessor</h2>
 * <ul>
 *   <li><b>Zero-allocation:</b> {@link #version()}, {@link #methodIs}, {@link #targetIs}, {@link #headerCount()},
 *       {@link #headerNameIs}, {@link #headerValueIs}, {@link #hasToken}, and
 *       {@link #method()} for the nine standard methods (it returns a constant).</li>
 *   <li><b>Decode on demand</b> (allocate a String or a buffer view, copy nothing in the
 *       buffer): {@link #target()}, {@link #headerName}, {@link #headerValue}, {@link #header},
 *       {@link #headerValueBytes}.</li>
 * </ul>
 *
 * <h2>Lifetime</h2>
 * The head belongs to its {@link HttpRequestParser} and is reused for every request; it is
 * valid until that parser's next {@code parse} or {@code reset}, and only while the bytes
 * stay where they were. Java cannot enforce this the way Rust's borrow checker would (a
 * {@code Request<'buf>} could not outlive its buffer); here it is a documented contract.
 * Code that keeps a request longer decodes what it needs first (the protocol driver builds
 * an immutable {@code HttpRequest}).
 *
 * <p>Field values are decoded as ISO-8859-1, one char per byte, which is lossless for
 * obs-text; RFC 9110 section 5.5 says non-ASCII field values carry no defined charset.
 */
public final class HttpRequestHead {

    private static final String[] STANDARD_METHODS =
            {"GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"};
    private static final int SLOTS = 4; // nameStart, nameEnd, valueStart, valueEnd

    private final WireBytes bytes;
    private int methodStart;
    private int methodEnd;
    private int targetStart;
    private int targetEnd;
    private HttpVersion version;
    private int[] fields = new int[16 * SLOTS];
    private int count;

    HttpRequestHead(WireBytes bytes) {
        this.bytes = bytes;
    }

    // ---- filled in by the parser ----

    void clear() {
        count = 0;
        version = null;
    }

    void requestLine(int methodStart, int methodEnd, int targetStart, int targetEnd, HttpVersion version) {
        this.methodStart = methodStart;
        this.methodEnd = methodEnd;
        this.targetStart = targetStart;
        this.targetEnd = targetEnd;
        this.version = version;
    }

    /** Grows the offset table by doubling: amortised, and a reused parser stops growing. */
    void addField(int nameStart, int nameEnd, int valueStart, int valueEnd) {
        if ((count + 1) * SLOTS > fields.length) {
            fields = Arrays.copyOf(fields, fields.length * 2);
        }
        int at = count * SLOTS;
        fields[at] = nameStart;
        fields[at + 1] = nameEnd;
        fields[at + 2] = valueStart;
        fields[at + 3] = valueEnd;
        count++;
    }

    // ---- request line ----

    /** The method; a shared constant for GET, HEAD, POST, PUT, DELETE, CONNECT, OPTIONS, TRACE, PATCH. */
    public String method() {
        for (String standard : STANDARD_METHODS) {
            if (bytes.equalsExactly(methodStart, methodEnd, standard)) {
                return standard;
            }
        }
        return bytes.latin1(methodStart, methodEnd);
    }

    /** True when the method is exactly {@code method} (methods are case-sensitive). */
    public boolean methodIs(String method) {
        return bytes.equalsExactly(methodStart, methodEnd, method);
    }

    /** The request target as sent, e.g. {@code /index.html?q=1}. */
    public String target() {
        return bytes.latin1(targetStart, targetEnd);
    }

    /** True when the request target is exactly {@code target} (byte for byte); allocates nothing. */
    public boolean targetIs(String target) {
        return bytes.equalsExactly(targetStart, targetEnd, target);
    }

    public HttpVersion version() {
        return version;
    }

    // ---- fields, by index, in the order received ----

    public int headerCount() {
        return count;
    }

    /** The name of field {@code index} as sent (case preserved). */
    public String headerName(int index) {
        int at = slot(index);
        return bytes.latin1(fields[at], fields[at + 1]);
    }

    /** The value of field {@code index} without surrounding whitespace. */
    public String headerValue(int index) {
        int at = slot(index);
        return bytes.latin1(fields[at + 2], fields[at + 3]);
    }

    /** A read-only view of field {@code index}'s value bytes: no copy, one small view object. */
    public ByteBuffer headerValueBytes(int index) {
        int at = slot(index);
        return bytes.slice(fields[at + 2], fields[at + 3]);
    }

    /** True when field {@code index} is called {@code name}, ignoring case (field names are case-insensitive). */
    public boolean headerNameIs(int index, String name) {
        int at = slot(index);
        return bytes.equalsIgnoreCase(fields[at], fields[at + 1], name);
    }

    /** True when field {@code index}'s value equals {@code value}, ignoring ASCII case. */
    public boolean headerValueIs(int index, String value) {
        int at = slot(index);
        return bytes.equalsIgnoreCase(fields[at + 2], fields[at + 3], value);
    }

    // ---- fields, by name ----

    /** The index of the first field called {@code name} (any case), or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < count; i++) {
            if (headerNameIs(i, name)) {
                return i;
            }
        }
        return -1;
    }

    /** The value of the first field called {@code name}, or null when absent. */
    public String header(String name) {
        int index = indexOf(name);
        return index < 0 ? null : headerValue(index);
    }

    /**
     * True when any field called {@code name} lists {@code token} among its comma-separated
     * elements, ignoring case: {@code hasToken("Connection", "close")}. Allocates nothing.
     */
    public boolean hasToken(String name, String token) {
        for (int i = 0; i < count; i++) {
            if (headerNameIs(i, name) && listContains(slot(i), token)) {
                return true;
            }
        }
        return false;
    }

    private boolean listContains(int at, String token) {
        int end = fields[at + 3];
        int elementStart = fields[at + 2];
        while (elementStart <= end) {
            int comma = bytes.indexOf(',', elementStart, end);
            int elementEnd = comma < 0 ? end : comma;
            int from = HttpSyntax.skipWhitespace(bytes, elementStart, elementEnd);
            int to = elementEnd;
            while (to > from && HttpSyntax.isWhitespace(bytes.u8(to - 1))) {
                to--;
            }
            if (bytes.equalsIgnoreCase(from, to, token)) {
                return true;
            }
            elementStart = elementEnd + 1;
        }
        return false;
    }

    private int slot(int index) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException("field " + index + " of " + count);
        }
        return index * SLOTS;
    }

    /** The request line and fields, decoded; for logs and test failures, not the hot path. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(method()).append(' ').append(target()).append(' ').append(version.text());
        for (int i = 0; i < count; i++) {
            out.append("\n").append(headerName(i)).append(": ").append(headerValue(i));
        }
        return out.toString();
    }
}
