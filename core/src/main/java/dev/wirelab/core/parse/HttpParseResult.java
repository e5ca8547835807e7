package dev.wirelab.core.parse;

/**
 * What {@link HttpRequestParser#parse} says about the bytes so far: a whole head
 * ({@link Complete}), not enough bytes yet ({@link NeedMore}), or a broken rule
 * ({@link Malformed}). Sealed, so a {@code switch} over it is checked for completeness by
 * the compiler and needs no {@code default}.
 */
public sealed interface HttpParseResult permits HttpParseResult.Complete, NeedMore, Malformed {

    /**
     * A whole request head.
     *
     * @param head     views onto the request line and fields, valid until the parser's next
     *                 {@code parse} call (see {@link HttpRequestHead})
     * @param framing  how the body after the head ends
     * @param consumed bytes of head, from the first byte given up to and including the empty
     *                 line's CRLF; the body (or the next pipelined request) starts there
     */
    record Complete(HttpRequestHead head, BodyFraming framing, int consumed) implements HttpParseResult {
    }
}
