package dev.wirelab.core.parse;

/**
 * Every rule the HTTP/1.1 parsers enforce, with the status a server should answer and one
 * sentence saying what was wrong. Most are 400 Bad Request; the rest name a more precise
 * status where RFC 9110/9112 gives one.
 *
 * <p>Many of these rules exist because two parsers that disagree about where a request ends
 * let an attacker hide a second request inside the first ("request smuggling"): a front
 * proxy sees one request, the server behind it sees two. The defence is to refuse every
 * ambiguous framing outright rather than guess. Those rules say "smuggling" below.
 */
public enum MalformedReason {

    // ---- line structure (RFC 9112 section 2.2) ----
    /** An LF not preceded by CR. Smuggling: some parsers end the line there, others do not. */
    BARE_LF(400, "line ends with a bare LF; HTTP/1.1 lines end with CRLF (RFC 9112 section 2.2)"),
    /** A CR not followed by LF. Smuggling: a lenient parser may treat it as a line end. */
    BARE_CR(400, "bare CR inside a line; CR is only allowed right before LF (RFC 9112 section 2.2)"),

    // ---- request line (RFC 9112 section 3) ----
    REQUEST_LINE_TOO_LONG(414, "request line is longer than the configured limit"),
    INVALID_METHOD(400, "method must be a token (letters, digits, !#$%&'*+-.^_`|~) followed by one space"),
    INVALID_TARGET(400, "request target must be visible ASCII followed by one space"),
    INVALID_VERSION(400, "HTTP version must be exactly HTTP/<digit>.<digit> ending the request line"),
    UNSUPPORTED_VERSION(505, "only HTTP/1.0 and HTTP/1.1 are supported"),
    INCOMPLETE_REQUEST_LINE(400, "request line needs method, target and version separated by single spaces"),

    // ---- field lines (RFC 9112 section 5, RFC 9110 section 5) ----
    HEADER_SECTION_TOO_LARGE(431, "header section is larger than the configured limit"),
    TOO_MANY_HEADERS(431, "more header fields than the configured limit"),
    /** Smuggling: proxies disagree on whether a continuation line belongs to the field above. */
    OBS_FOLD(400, "line starts with whitespace: obsolete line folding is rejected (RFC 9112 section 5.2)"),
    /** Smuggling: "Transfer-Encoding : chunked" is a different field name to different parsers. */
    WHITESPACE_BEFORE_COLON(400, "whitespace between field name and colon is forbidden (RFC 9112 section 5.1)"),
    INVALID_HEADER_NAME(400, "field name must be a non-empty token followed by a colon"),
    INVALID_HEADER_VALUE(400, "field value contains a control character"),
    MISSING_HOST(400, "an HTTP/1.1 request must carry a Host field (RFC 9112 section 3.2)"),
    DUPLICATE_HOST(400, "a request must carry exactly one Host field (RFC 9112 section 3.2)"),

    // ---- message framing (RFC 9112 section 6) ----
    /** Smuggling: the classic CL.TE / TE.CL desynchronisation. */
    CONTENT_LENGTH_WITH_TRANSFER_ENCODING(400, "Content-Length and Transfer-Encoding together are ambiguous framing"),
    INVALID_CONTENT_LENGTH(400, "Content-Length must be one or more decimal digits"),
    CONTENT_LENGTH_OVERFLOW(400, "Content-Length does not fit in 63 bits"),
    /** Smuggling: which of two lengths a hop believes decides where the next request starts. */
    CONFLICTING_CONTENT_LENGTH(400, "two Content-Length fields with different values"),
    BODY_TOO_LARGE(413, "body is larger than the configured limit"),
    /** Smuggling: HTTP/1.0 recipients may not know chunked at all (RFC 9112 section 6.1). */
    TRANSFER_ENCODING_IN_HTTP_1_0(400, "Transfer-Encoding in an HTTP/1.0 request is faulty framing"),
    /** Smuggling: without chunked last, the body's end cannot be found (RFC 9112 section 6.3). */
    CHUNKED_NOT_FINAL(400, "Transfer-Encoding must end with chunked, exactly once"),
    UNSUPPORTED_TRANSFER_ENCODING(501, "only the chunked transfer coding is implemented"),

    // ---- chunked bodies (RFC 9112 section 7.1) ----
    INVALID_CHUNK_SIZE(400, "chunk size must be hexadecimal digits"),
    CHUNK_SIZE_OVERFLOW(400, "chunk size does not fit in 63 bits"),
    INVALID_CHUNK_EXTENSION(400, "chunk extension must be ;name or ;name=token or ;name=\"quoted\""),
    CHUNK_LINE_TOO_LONG(400, "chunk-size line is longer than the configured limit"),
    MISSING_CHUNK_CRLF(400, "chunk data must be followed by CRLF");

    private final int status;
    private final String description;

    MalformedReason(int status, String description) {
        this.status = status;
        this.description = description;
    }

    /** The HTTP status a server should answer with (400, 413, 414, 431, 501 or 505). */
    public int status() {
        return status;
    }

    /** One sentence: what the rule is. */
    public String description() {
        return description;
    }
}
