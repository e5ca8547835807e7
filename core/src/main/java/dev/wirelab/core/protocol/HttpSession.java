package dev.wirelab.core.protocol;

import java.nio.ByteBuffer;

import dev.wirelab.core.typestate.Connection;

/**
 * The HTTP protocol for one connection: an {@link HttpConnectionDriver} (parser, state
 * machine, response writer) whose handler is {@link HttpRoutes}, plus the connection's login
 * state. Bytes in become responses in the driver's output, handed to the transport as one
 * buffer (or, with large bodies, a few for a gathering write).
 */
final class HttpSession implements Session, HttpExchangeHandler {

    private final HttpRoutes routes;
    private final HttpConnectionDriver driver;
    /** The typestate handle; replaced by each transition (login) the routes make. */
    private Connection login;

    HttpSession(HttpRoutes routes, Connection login) {
        this.routes = routes;
        this.login = login;
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
        login = routes.route(request, response, login);
    }

    @Override
    public String toString() {
        return "HttpSession[" + driver.state() + ", " + login + "]";
    }
}
