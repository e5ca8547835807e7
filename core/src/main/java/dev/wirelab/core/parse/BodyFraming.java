package dev.wirelab.core.parse;

/**
 * How the body after a request head ends (RFC 9112 section 6.3): not at all, after a
 * declared number of bytes, or where the chunked coding says. A {@code switch} over it
 * has exactly three cases and needs no {@code default}.
 *
 * <p>{@link HttpParseResult.Complete#framing()} builds it on request; the parse path itself
 * reports the same facts as primitives ({@code contentLength()}, {@code isChunked()}) so that
 * a request costs no allocation.
 */
public sealed interface BodyFraming {

    /** No body: neither Content-Length nor Transfer-Encoding was sent. */
    None NONE = new None();
    /** Transfer-Encoding: chunked; decode with {@link ChunkedDecoder}. */
    Chunked CHUNKED = new Chunked();

    /** No body follows the head. */
    record None() implements BodyFraming {
    }

    /** Exactly {@code length} body bytes follow the head (0 is allowed). */
    record ContentLength(long length) implements BodyFraming {
        public ContentLength {
            if (length < 0) {
                throw new IllegalArgumentException("length must be >= 0, was " + length);
            }
        }
    }

    /** A chunked body follows the head. */
    record Chunked() implements BodyFraming {
    }
}
