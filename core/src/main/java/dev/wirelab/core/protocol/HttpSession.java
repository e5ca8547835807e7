package dev.wirelab.core.protocol;

import java.nio.ByteBuffer;

/**
 * The HTTP protocol for one connection: an {@link HttpConnectionDriver} (parser, state
 * machine, response writer) whose handler is {@link HttpRoutes}, plus the connection's login
 * state (kept by its {@link HttpRoutes.Conversation}). Bytes in become responses in the driver's output, handed to the transport as one
 * buffer (or, with large bodies, a few for a gathering write).
 */
final class HttpSession implements Session, HttpExchangeHandler {

    private final HttpRoutes.Conversation routes;
    private final HttpConnectionDriver driver;

    HttpSession(HttpRoutes.Conversation routes) {
        this.routes = routes;
        this.driver = new HttpConnectionDriver(this, HttpRoutes.LIMITS);
    }

    @Override
    public void onInput(ByteBuffer in, Outgoing out) {
        driver.receive(in);
        driver.drainTo(out);
    }

    @Override
    public void onEndOfInput(Outgoing out) {
        driver.receiveEndOfInput();
        driver.drainTo(out);
    }

    @Override
    public boolean closeAfterOutput() {
        return driver.isClosed();
    }

    @Override
    public void handle(HttpRequestView request, HttpResponseWriter response) {
        routes.handle(request, response);
    }

    @Override
    public String toString() {
        return "HttpSession[" + driver.state() + ", " + routes + "]";
    }
}
