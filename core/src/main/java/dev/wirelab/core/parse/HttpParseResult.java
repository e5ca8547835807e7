package dev.wirelab.core.parse;

/**
 * What {@link HttpRequestParser#parse} says about the bytes so far: a whole head
 * ({@link Complete}), not enough bytes yet ({@link NeedMore}), or a broken rule
 * ({@link Malformed}). Sealed, so a {@code switch} over it is checked for completeness by
 * the compiler and needs no {@code default}.
 */
public sealed interface HttpParseResult permits HttpParseResult.Complete, NeedMore, Malformed {

    /**
     * A whole request head: a <b>flyweight</b> result that its parser owns and refills.
     *
     * <h2>Why not a record</h2>
     * A record per request is the natural Java answer, and it costs 24 bytes per request
     * (40 with a separate framing object) that escape analysis does not reliably remove from
     * a parse loop this size. The result that leaves the parser is therefore one long-lived
     * object per parser, overwritten by each request, the way Agrona's flyweights and
     * Netty's reusable decoder state work. (Once value classes arrive, JEP 401, a record
     * like this could be returned without a heap allocation and this class could go back to
     * being one.)
     *
     * <h2>The contract: valid until the parser's next call</h2>
     * The same instance comes back from every {@code parse} that completes a request, and
     * {@link HttpRequestParser#reset} or the next {@code parse} overwrites it. So does
     * everything reachable from it: {@link #head()} points into the caller's buffer. A caller
     * that needs any of it later copies it first:
     * <ul>
     *   <li>the numbers ({@link #consumed()}, {@link #contentLength()}, {@link #isChunked()}):
     *       into local variables, before parsing again;</li>
     *   <li>the head's text: decode what you need ({@code head.method()},
     *       {@code head.header("Host")}, or all of it, as the protocol driver's
     *       {@code HttpRequest.of(head)} does) before parsing again and before the buffer
     *       is compacted, reused or written to.</li>
     * </ul>
     * Holding on to the object itself is harmless; trusting what it says after the next
     * call is the bug. Rust would reject such code at compile time (the result would borrow
     * the parser mutably); Java leaves it to this paragraph and to the tests.
     *
     * <h2>Framing, two ways</h2>
     * {@link #contentLength()} and {@link #isChunked()} answer "how does the body end" in
     * primitives and allocate nothing; {@link #framing()} gives the same answer as the sealed
     * {@link BodyFraming}, convenient for an exhaustive {@code switch}, at the cost of one
     * small object when a Content-Length was sent.
     */
    final class Complete implements HttpParseResult {

        private final HttpRequestHead head;
        private long contentLength;
        private boolean chunked;
        private int consumed;

        Complete(HttpRequestHead head) {
            this.head = head;
        }

        /** Refills this result for the request just parsed; {@code contentLength} is -1 when none was sent. */
        Complete set(long contentLength, boolean chunked, int consumed) {
            this.contentLength = contentLength;
            this.chunked = chunked;
            this.consumed = consumed;
            return this;
        }

        /** Views onto the request line and fields (see {@link HttpRequestHead}); valid until the next call. */
        public HttpRequestHead head() {
            return head;
        }

        /**
         * Bytes of head, from the first byte given up to and including the empty line's CRLF;
         * the body (or the next pipelined request) starts there.
         */
        public int consumed() {
            return consumed;
        }

        /** The declared body length when the body is framed by Content-Length, otherwise -1. Allocates nothing. */
        public long contentLength() {
            return contentLength;
        }

        /** True when a chunked body follows (decode it with {@link ChunkedDecoder}). Allocates nothing. */
        public boolean isChunked() {
            return chunked;
        }

        /** How the body ends, as a sealed type; allocates a {@link BodyFraming.ContentLength} when one was sent. */
        public BodyFraming framing() {
            if (chunked) {
                return BodyFraming.CHUNKED;
            }
            return contentLength < 0 ? BodyFraming.NONE : new BodyFraming.ContentLength(contentLength);
        }

        @Override
        public String toString() {
            return "Complete[consumed=" + consumed + ", framing=" + framing() + "]";
        }
    }
}
