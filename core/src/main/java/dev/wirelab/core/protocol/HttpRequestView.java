package dev.wirelab.core.protocol;

import dev.wirelab.core.parse.HttpVersion;

/**
 * What an {@link HttpExchangeHandler} may ask of a request. Two kinds stand behind it:
 * a view straight onto the parser's offsets for a request without a body (nothing decoded,
 * nothing allocated unless asked for: the fast path), and a decoded {@link HttpRequest} for
 * one whose body had to be collected first (the head's bytes are gone by then).
 *
 * <p>A view is valid only during the handler call that received it.
 */
public sealed interface HttpRequestView permits HttpRequest, HeadView {

    /** The method; a shared constant for the standard methods. */
    String method();

    /** True when the method is exactly {@code method}; allocates nothing. */
    boolean methodIs(String method);

    /** The request target as sent (decoded on demand). */
    String target();

    /** True when the target is exactly {@code target}; allocates nothing on the view path. */
    boolean targetIs(String target);

    HttpVersion version();

    /** The first value of the field called {@code name} (any case), or null. */
    String header(String name);

    /** True when a field called {@code name} lists {@code token} (comma-separated, any case). */
    boolean hasToken(String name, String token);

    /** The decoded body; empty when none was sent. Do not change it. */
    byte[] body();

    /**
     * Whether the client wants the connection kept after this exchange (RFC 9112 section
     * 9.3): HTTP/1.1 persists unless it says {@code close}; HTTP/1.0 closes unless it says
     * {@code keep-alive}.
     */
    default boolean wantsKeepAlive() {
        return switch (version()) {
            case HTTP_1_1 -> !hasToken("Connection", "close");
            case HTTP_1_0 -> hasToken("Connection", "keep-alive");
        };
    }
}
