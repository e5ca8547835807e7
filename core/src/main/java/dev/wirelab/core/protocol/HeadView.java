package dev.wirelab.core.protocol;

import dev.wirelab.core.parse.HttpRequestHead;
import dev.wirelab.core.parse.HttpVersion;

/**
 * A request without a body, seen through the parser's offsets: nothing is decoded unless a
 * handler asks, so routing on method and target allocates nothing. One per driver, pointed
 * at the parser's head for the length of one handler call.
 */
final class HeadView implements HttpRequestView {

    private HttpRequestHead head;

    HeadView of(HttpRequestHead current) {
        this.head = current;
        return this;
    }

    HttpRequestHead head() {
        return head;
    }

    @Override
    public String method() {
        return head.method();
    }

    @Override
    public boolean methodIs(String method) {
        return head.methodIs(method);
    }

    @Override
    public String target() {
        return head.target();
    }

    @Override
    public boolean targetIs(String target) {
        return head.targetIs(target);
    }

    @Override
    public HttpVersion version() {
        return head.version();
    }

    @Override
    public String header(String name) {
        return head.header(name);
    }

    @Override
    public boolean hasToken(String name, String token) {
        return head.hasToken(name, token);
    }

    @Override
    public byte[] body() {
        return HttpRequest.NO_BODY;
    }

    @Override
    public String toString() {
        return head.toString();
    }
}
