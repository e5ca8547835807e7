package dev.wirelab.core.protocol;

/**
 * Application code: one request in, one response out. Called on the connection's thread,
 * one request at a time and in arrival order, so pipelined responses come out in order
 * without any bookkeeping (RFC 9112 section 9.3.2 requires that order).
 */
@FunctionalInterface
public interface HttpHandler {
    HttpResponse handle(HttpRequest request);
}
