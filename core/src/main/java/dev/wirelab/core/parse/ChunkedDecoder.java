package dev.wirelab.core.parse;

import java.nio.ByteBuffer;

import static dev.wirelab.core.parse.HttpSyntax.CR;
import static dev.wirelab.core.parse.HttpSyntax.LF;

/**
 * Decodes a chunked request body (RFC 9112 section 7.1) as it arrives, handing each run of
 * data bytes to a {@link BodySink} in place, without copying them out of the buffer.
 *
 * <pre>
 *   chunked-body = *chunk last-chunk trailer-section CRLF
 *   chunk        = chunk-size [ chunk-ext ] CRLF chunk-data CRLF
 *   last-chunk   = 1*("0") [ chunk-ext ] CRLF
 *   chunk-ext    = *( BWS ";" BWS name [ BWS "=" BWS ( token / quoted-string ) ] )
 *
 *   e.g.  4\r\nWiki\r\n5;lang=en\r\npedia\r\n0\r\nExpires: never\r\n\r\n  ->  "Wikipedia"
 * </pre>
 *
 * <h2>How it is fed</h2>
 * Call {@link #decode} with {@code in[position, limit)} holding the next body bytes. Data
 * bytes are passed to the sink and consumed at once (a chunk may be split across any number
 * of reads); a chunk-size line or trailer line is consumed only when it is complete, so the
 * caller keeps unconsumed bytes at {@code position()} (append or {@code compact()}, as for
 * the head parser). Between calls the decoder keeps only numbers: its phase, bytes left in
 * the current chunk, how far it already searched the pending line for LF, and running totals
 * for the limits and for error offsets (which count from the body's first byte).
 *
 * <h2>Why so strict</h2>
 * Chunk framing is where parsers that disagree get exploited: a bare LF that one hop takes
 * as a line end and another does not, a size that overflows to something small, an
 * extension one hop skips and another reads as data. Every such case is {@link Malformed},
 * with limits on line length, decoded body size and trailers. Trailer fields are checked like
 * header fields and then discarded (RFC 9112 section 7.1.2 allows dropping them).
 *
 * <p>Allocation: none while decoding; a {@link ChunkedResult.Done} or {@link Malformed} at the
 * end. Not thread-safe: one decoder per connection, {@link #reset()} before the next body.
 */
public final class ChunkedDecoder {

    /** Receives decoded body bytes: {@code source[offset, offset + length)}, valid only during the call. */
    @FunctionalInterface
    public interface BodySink {
        void onData(ByteBuffer source, int offset, int length);
    }

    private enum Phase { SIZE_LINE, DATA, DATA_CR, DATA_LF, TRAILER_LINE, DONE, MALFORMED }

    private final HttpLimits limits;
    private final WireBytes bytes = new WireBytes();
    private final HttpSyntax.FieldLine trailer = new HttpSyntax.FieldLine();

    private Phase phase;
    private Malformed malformed;
    private long consumed;       // body bytes consumed before in.position(): the base of error offsets
    private int scanFrom;        // LF search progress within the pending line, relative to position()
    private long chunkRemaining;
    private long bodyLength;
    private long trailerBytes;
    private int trailerCount;

    public ChunkedDecoder() {
        this(HttpLimits.DEFAULTS);
    }

    public ChunkedDecoder(HttpLimits limits) {
        this.limits = limits;
        reset();
    }

    /** Prepares for the next body. */
    public void reset() {
        phase = Phase.SIZE_LINE;
        malformed = null;
        consumed = 0;
        scanFrom = 0;
        chunkRemaining = 0;
        bodyLength = 0;
        trailerBytes = 0;
        trailerCount = 0;
    }

    /** Decoded data bytes so far. */
    public long bodyLength() {
        return bodyLength;
    }

    /**
     * Decodes what it can of {@code in[position, limit)}, advancing the position past what it
     * consumed. After {@link ChunkedResult.Done} the position is at the first byte after the
     * body; after {@link Malformed} the same result is returned until {@link #reset()}.
     */
    public ChunkedResult decode(ByteBuffer in, BodySink sink) {
        while (true) {
            ChunkedResult result = switch (phase) {
                case SIZE_LINE -> sizeLine(in);
                case DATA -> data(in, sink);
                case DATA_CR -> dataTerminator(in, CR);
                case DATA_LF -> dataTerminator(in, LF);
                case TRAILER_LINE -> trailerLine(in);
                case DONE -> new ChunkedResult.Done(bodyLength, consumed);
                case MALFORMED -> malformed;
            };
            if (result != null) {
                return result;
            }
        }
    }

    // ---- chunk-size [ chunk-ext ] CRLF ----

    private ChunkedResult sizeLine(ByteBuffer in) {
        int lf = findLineEnd(in);
        if (lf < 0) {
            return bytes.length() >= limits.maxChunkLineBytes()
                    ? fail(MalformedReason.CHUNK_LINE_TOO_LONG, limits.maxChunkLineBytes())
                    : NeedMore.INSTANCE;
        }
        if (lf + 1 > limits.maxChunkLineBytes()) {
            return fail(MalformedReason.CHUNK_LINE_TOO_LONG, limits.maxChunkLineBytes());
        }
        ChunkedResult ending = lineEnding(lf);
        if (ending != null) {
            return ending;
        }
        // The size: hex digits, checked for overflow before every shift.
        int end = lf - 1;
        int i = 0;
        long size = 0;
        for (int digit; i < end && (digit = HttpSyntax.hexValue(bytes.u8(i))) >= 0; i++) {
            if (size > Long.MAX_VALUE >>> 4) {
                return fail(MalformedReason.CHUNK_SIZE_OVERFLOW, i);
            }
            size = size << 4 | digit;
        }
        if (i == 0) {
            return fail(MalformedReason.INVALID_CHUNK_SIZE, 0);
        }
        ChunkedResult extension = extensions(i, end);
        if (extension != null) {
            return extension;
        }
        if (size > limits.maxContentLength() - bodyLength) {
            return fail(MalformedReason.BODY_TOO_LARGE, 0);
        }
        consumeLine(in, lf);
        chunkRemaining = size;
        phase = size == 0 ? Phase.TRAILER_LINE : Phase.DATA;
        return null;
    }

    /** {@code *( BWS ";" BWS token [ BWS "=" BWS ( token / quoted-string ) ] )} over {@code [from, end)}. */
    private ChunkedResult extensions(int from, int end) {
        int i = from;
        while (i < end) {
            int semicolon = HttpSyntax.skipWhitespace(bytes, i, end);
            if (semicolon == end || bytes.u8(semicolon) != ';') {
                return fail(i == from && semicolon == i ? MalformedReason.INVALID_CHUNK_SIZE
                        : MalformedReason.INVALID_CHUNK_EXTENSION, semicolon);
            }
            int name = HttpSyntax.skipWhitespace(bytes, semicolon + 1, end);
            int nameEnd = tokenEnd(name, end);
            if (nameEnd == name) {
                return fail(MalformedReason.INVALID_CHUNK_EXTENSION, name);
            }
            i = nameEnd;
            int equals = HttpSyntax.skipWhitespace(bytes, nameEnd, end);
            if (equals < end && bytes.u8(equals) == '=') {
                int value = HttpSyntax.skipWhitespace(bytes, equals + 1, end);
                i = value < end && bytes.u8(value) == '"' ? quotedStringEnd(value, end) : tokenEnd(value, end);
                if (i <= value) {
                    return fail(MalformedReason.INVALID_CHUNK_EXTENSION, i < 0 ? end : value);
                }
            }
        }
        return null;
    }

    /** The index after the closing quote of the quoted-string at {@code open}, or -1. */
    private int quotedStringEnd(int open, int end) {
        for (int i = open + 1; i < end; i++) {
            int b = bytes.u8(i);
            if (b == '"') {
                return i + 1;
            }
            if (b == '\\') {
                i++; // quoted-pair: the next byte is taken literally (still no CTL, checked below)
                if (i == end) {
                    return -1;
                }
                b = bytes.u8(i);
            }
            if (!HttpSyntax.isFieldContent(b)) {
                return -1;
            }
        }
        return -1;
    }

    private int tokenEnd(int from, int end) {
        int i = from;
        while (i < end && HttpSyntax.isTchar(bytes.u8(i))) {
            i++;
        }
        return i;
    }

    // ---- chunk-data CRLF ----

    private ChunkedResult data(ByteBuffer in, BodySink sink) {
        int n = (int) Math.min(chunkRemaining, in.remaining());
        if (n == 0) {
            return NeedMore.INSTANCE;
        }
        sink.onData(in, in.position(), n);
        in.position(in.position() + n);
        consumed += n;
        bodyLength += n;
        chunkRemaining -= n;
        if (chunkRemaining == 0) {
            phase = Phase.DATA_CR;
        }
        return null;
    }

    /** The CR, then the LF, after chunk data: one byte at a time, so a split between them is fine. */
    private ChunkedResult dataTerminator(ByteBuffer in, int expected) {
        if (!in.hasRemaining()) {
            return NeedMore.INSTANCE;
        }
        int b = in.get(in.position()) & 0xFF;
        if (b != expected && expected == LF) {
            return fail(MalformedReason.BARE_CR, -1); // the CR just consumed was not followed by LF
        }
        if (b != expected) {
            return fail(b == LF ? MalformedReason.BARE_LF : MalformedReason.MISSING_CHUNK_CRLF, 0);
        }
        in.position(in.position() + 1);
        consumed++;
        phase = expected == CR ? Phase.DATA_LF : Phase.SIZE_LINE;
        return null;
    }

    // ---- trailer-section CRLF ----

    private ChunkedResult trailerLine(ByteBuffer in) {
        int lf = findLineEnd(in);
        if (lf < 0) {
            return trailerBytes + bytes.length() >= limits.maxHeaderBytes()
                    ? fail(MalformedReason.HEADER_SECTION_TOO_LARGE, limits.maxHeaderBytes() - trailerBytes)
                    : NeedMore.INSTANCE;
        }
        if (trailerBytes + lf + 1 > limits.maxHeaderBytes()) {
            return fail(MalformedReason.HEADER_SECTION_TOO_LARGE, limits.maxHeaderBytes() - trailerBytes);
        }
        ChunkedResult ending = lineEnding(lf);
        if (ending != null) {
            return ending;
        }
        if (lf == 1) {
            consumeLine(in, lf);
            phase = Phase.DONE;
            return null;
        }
        MalformedReason broken = trailer.scan(bytes, 0, lf - 1);
        if (broken != null) {
            return fail(broken, trailer.errorOffset);
        }
        if (++trailerCount > limits.maxHeaderCount()) {
            return fail(MalformedReason.TOO_MANY_HEADERS, 0);
        }
        trailerBytes += lf + 1;
        consumeLine(in, lf);
        return null;
    }

    // ---- shared ----

    /** Views {@code in[position, limit)} and finds the pending line's LF, resuming the search. */
    private int findLineEnd(ByteBuffer in) {
        bytes.wrap(in, in.position(), in.limit());
        int lf = bytes.indexOf(LF, scanFrom, bytes.length());
        scanFrom = lf < 0 ? bytes.length() : 0;
        return lf;
    }

    private void consumeLine(ByteBuffer in, int lf) {
        in.position(in.position() + lf + 1);
        consumed += lf + 1;
        scanFrom = 0;
    }

    private ChunkedResult lineEnding(int lf) {
        int bad = HttpSyntax.badLineEnding(bytes, 0, lf);
        return bad < 0 ? null : fail(bad == lf ? MalformedReason.BARE_LF : MalformedReason.BARE_CR, bad);
    }

    /** {@code at} is relative to the current position; the result counts from the body's start. */
    private Malformed fail(MalformedReason reason, long at) {
        phase = Phase.MALFORMED;
        malformed = Malformed.of(reason, consumed + at);
        return malformed;
    }
}
