package dev.wirelab.core.protocol;

/**
 * Where a response goes, field by field: the one thing {@link HttpRoutes} writes to. wirelab's
 * own servers pass the connection's {@link HttpResponseWriter} (wire bytes straight into the
 * output); the Netty twin passes a collector that builds Netty's response object, so the
 * routes are written once for both.
 *
 * <p>Order: {@link #status} once, then any {@link #header}s, then {@link #body} at most once.
 */
public interface HttpResponseSink {

    /** The status; first, and exactly once per response. */
    HttpResponseSink status(int status);

    /** One field, checked and encoded in advance. */
    HttpResponseSink header(EncodedField field);

    /** The body (not copied by the caller; do not change it afterwards). */
    void body(byte[] bytes);
}
