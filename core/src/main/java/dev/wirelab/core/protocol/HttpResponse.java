package dev.wirelab.core.protocol;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * What a handler answers. The driver owns the framing fields ({@code Content-Length},
 * {@code Transfer-Encoding}, {@code Connection}) because it alone knows the body's length
 * and whether the connection stays open; a handler that sets them is refused at once.
 *
 * @param status  100..599
 * @param headers extra fields, in order
 * @param body    the body bytes (not copied; do not change them afterwards)
 */
public record HttpResponse(int status, List<HttpField> headers, byte[] body) {

    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(200, "OK"), Map.entry(201, "Created"), Map.entry(204, "No Content"),
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"), Map.entry(409, "Conflict"), Map.entry(405, "Method Not Allowed"),
            Map.entry(413, "Content Too Large"), Map.entry(414, "URI Too Long"),
            Map.entry(431, "Request Header Fields Too Large"), Map.entry(500, "Internal Server Error"),
            Map.entry(501, "Not Implemented"), Map.entry(505, "HTTP Version Not Supported"));

    public HttpResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be 100..599, was " + status);
        }
        headers = List.copyOf(headers);
        for (HttpField field : headers) {
            if (field.nameIs("Content-Length") || field.nameIs("Transfer-Encoding") || field.nameIs("Connection")) {
                throw new IllegalArgumentException(field.name() + " is set by the connection driver, not the handler");
            }
        }
    }

    /** A {@code text/plain} response with a UTF-8 body. */
    public static HttpResponse text(int status, String body) {
        return new HttpResponse(status, List.of(new HttpField("Content-Type", "text/plain; charset=utf-8")),
                body.getBytes(StandardCharsets.UTF_8));
    }

    /** The standard reason phrase, or an empty one (RFC 9112 section 4 allows it). */
    public String reasonPhrase() {
        return reasonPhrase(status);
    }

    static String reasonPhrase(int status) {
        return REASONS.getOrDefault(status, "");
    }
}
