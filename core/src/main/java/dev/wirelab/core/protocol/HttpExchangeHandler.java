package dev.wirelab.core.protocol;

/**
 * Application code at the level a fast server wants: the request as a view, the response
 * written straight into the connection's output. Compare {@link HttpHandler} (a decoded
 * request in, an immutable response out), which is easier to read and costs a few objects
 * per request; the driver runs either.
 *
 * <p>A handler calls {@link HttpResponseWriter#status} once, then any number of
 * {@code header}s, then {@code body} at most once. The driver adds the framing fields
 * ({@code Content-Length}, {@code Connection}) itself. Called on the connection's thread,
 * one request at a time, in arrival order.
 */
@FunctionalInterface
public interface HttpExchangeHandler {
    void handle(HttpRequestView request, HttpResponseWriter response);
}
