package dev.wirelab.core.parse;

/**
 * Everything given so far is fine, but it is not a whole request (or body) yet: read more
 * bytes and call again. Stateless, so one shared {@link #INSTANCE} serves every caller and
 * a waiting parser allocates nothing.
 */
public record NeedMore() implements HttpParseResult, ChunkedResult {

    /** The one instance parsers return. */
    public static final NeedMore INSTANCE = new NeedMore();
}
