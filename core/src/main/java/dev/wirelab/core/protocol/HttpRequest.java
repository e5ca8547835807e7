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
public record HttpRequest(String method, String target, HttpVersion version, List<HttpField> headers, byte[] body)
        implements HttpRequestView {

    static final byte[] NO_BODY = new byte[0];

    public HttpRequest {
        headers = List.copyOf(headers);
    }

    /** Decodes the parser's view into an immutable request without a body. */
    public static HttpRequest of(HttpRequestHead head) {
        List<HttpField> fields = new ArrayList<>(head.headerCount());
        for (int i = 0; i < head.headerCount(); i++) {
            fields.add(new HttpField(head.headerName(i), head.headerValue(i)));
        }
        return new HttpRequest(head.method(), head.target(), head.version(), fields, NO_BODY);
    }

    /** The view itself when it is already a decoded request; otherwise decoded now. */
    public static HttpRequest from(HttpRequestView view) {
        return switch (view) {
            case HttpRequest request -> request;
            case HeadView head -> of(head.head());
        };
    }

    @Override
    public boolean methodIs(String name) {
        return method.equals(name);
    }

    @Override
    public boolean targetIs(String name) {
        return target.equals(name);
    }

    public HttpRequest withBody(byte[] newBody) {
        return new HttpRequest(method, target, version, headers, newBody);
    }

    @Override
    public String header(String name) {
        for (HttpField field : headers) {
            if (field.nameIs(name)) {
                return field.value();
            }
        }
        return null;
    }

    @Override
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

    @Override
    public String toString() {
        return method + " " + target + " " + version.text() + " " + headers + " body=" + body.length + " bytes";
    }
}
