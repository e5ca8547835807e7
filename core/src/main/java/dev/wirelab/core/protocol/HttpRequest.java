package dev.wirelab.core.protocol;

import java.util.ArrayList;
import java.util.List;

import dev.wirelab.core.parse.HttpRequestHead;
import dev.wirelab.core.parse.HttpVersion;

/**
 * A whole request, decoded and detached from the connection's buffer: what a handler gets.
 *
 * <p>This is the one place the HTTP path copies: the driver must keep the head while the
 * body arrives, and reads may compact the buffer the parser's views point into. A server
 * that needs no copy at all handles the {@link HttpRequestHead} view inside the parse call
 * instead, as {@code parse.HttpRequestParser}'s example shows.
 *
 * @param body the decoded body (empty when there was none); not copied again, so do not change it
 */
public record HttpRequest(String method, String target, HttpVersion version, List<HttpField> headers, byte[] body) {

    private static final byte[] EMPTY = new byte[0];

    public HttpRequest {
        headers = List.copyOf(headers);
    }

    /** Decodes the parser's view into an immutable request without a body. */
    public static HttpRequest of(HttpRequestHead head) {
        List<HttpField> fields = new ArrayList<>(head.headerCount());
        for (int i = 0; i < head.headerCount(); i++) {
            fields.add(new HttpField(head.headerName(i), head.headerValue(i)));
        }
        return new HttpRequest(head.method(), head.target(), head.version(), fields, EMPTY);
    }

    public HttpRequest withBody(byte[] newBody) {
        return new HttpRequest(method, target, version, headers, newBody);
    }

    /** The first value of the field called {@code name} (any case), or null. */
    public String header(String name) {
        for (HttpField field : headers) {
            if (field.nameIs(name)) {
                return field.value();
            }
        }
        return null;
    }

    /** True when a field called {@code name} lists {@code token} (comma-separated, any case). */
    public boolean hasToken(String name, String token) {
        for (HttpField field : headers) {
            if (field.nameIs(name)) {
                for (String element : field.value().split(",")) {
                    if (element.strip().equalsIgnoreCase(token)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Whether the client wants the connection kept after this exchange (RFC 9112 section
     * 9.3): HTTP/1.1 persists unless it says {@code close}; HTTP/1.0 closes unless it says
     * {@code keep-alive}.
     */
    public boolean wantsKeepAlive() {
        return switch (version) {
            case HTTP_1_1 -> !hasToken("Connection", "close");
            case HTTP_1_0 -> hasToken("Connection", "keep-alive");
        };
    }

    @Override
    public String toString() {
        return method + " " + target + " " + version.text() + " " + headers + " body=" + body.length + " bytes";
    }
}
