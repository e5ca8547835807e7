package dev.wirelab.core.parse;

/**
 * The bytes break a rule: which rule, a sentence for a human, and where.
 *
 * <p>The offset counts bytes from the start of what the parser was reading: the request's
 * first byte for {@link HttpRequestParser}, the body's first byte for {@link ChunkedDecoder}.
 * Offsets do not depend on how the bytes were split across reads: the same request gives
 * the same result whether it arrived whole or one byte at a time.
 *
 * @param reason  the rule broken
 * @param message what went wrong and where, for logs and error pages
 * @param offset  the byte at which the rule was broken
 */
public record Malformed(MalformedReason reason, String message, long offset)
        implements HttpParseResult, ChunkedResult {

    static Malformed of(MalformedReason reason, long offset) {
        return new Malformed(reason, reason.description() + " (at byte " + offset + ")", offset);
    }
}
