package dev.wirelab.core.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Supplier;

import dev.wirelab.core.metrics.ConnectionMetrics;
import dev.wirelab.core.parse.HttpLimits;
import dev.wirelab.core.typestate.Authenticated;
import dev.wirelab.core.typestate.Closed;
import dev.wirelab.core.typestate.Connection;
import dev.wirelab.core.typestate.CredentialStore;
import dev.wirelab.core.typestate.Gateway;
import dev.wirelab.core.typestate.LoginResult;
import dev.wirelab.core.typestate.Unauthenticated;

/**
 * The routes every server variant serves over HTTP, written once, here. No server model
 * parses HTTP or knows a route; each hands its bytes to the {@link Session} this class opens.
 *
 * <pre>
 *   GET  /plaintext   200 "Hello, World!"  (the TechEmpower plaintext response: Server, Date, text/plain)
 *   POST /echo        200 with the request body (Content-Length or chunked)
 *   GET  /metrics     200 the server's ConnectionMetrics as "name value" lines
 *   POST /login       body "user=NAME&amp;password=SECRET": this connection logs in (typestate)
 *   GET  /data        200 for a connection that logged in, 401 for one that did not
 *   anything else     404
 * </pre>
 *
 * <h2>Zero allocation where it is measured</h2>
 * {@code GET /plaintext} is the benchmark route. Matching it uses the parser's view
 * ({@code methodIs}, {@code targetIs}: byte comparisons), its fields are encoded once
 * ({@link EncodedField}), the Date field once a second ({@link HttpDate}), and the body is a
 * constant; the response is copied into the connection's output and nothing else happens.
 * The other routes decode what they need and allocate freely: they are not on the hot path.
 *
 * <h2>The typestate lesson, live</h2>
 * Each connection holds a {@code typestate.Connection}, starting {@link Unauthenticated}.
 * {@code /data} reads through {@link Authenticated#read}, which exists on no other state, so
 * this class could not serve data to a connection that has not logged in even by mistake:
 * the {@code switch} below has nothing to call in the other arms. Login runs PBKDF2 on the
 * connection's thread; the lab keeps its iteration count low ({@value #LOGIN_ITERATIONS}) so
 * an event loop stalls for milliseconds, not a second. A production server would hash on a
 * worker pool and use the full work factor.
 *
 * <p>Thread-safe: one instance per server, shared by every connection.
 */
public final class HttpRoutes {

    /** The demo account every server knows. */
    public static final String DEMO_USER = "student";
    public static final String DEMO_PASSWORD = "wirelab";
    /** The largest request body the servers accept (413 beyond it). */
    public static final long MAX_BODY_BYTES = 1024 * 1024;
    static final int LOGIN_ITERATIONS = 10_000;
    /** The limits every HTTP session parses with. */
    public static final HttpLimits LIMITS = HttpLimits.DEFAULTS.withMaxContentLength(MAX_BODY_BYTES);

    private static final EncodedField SERVER = EncodedField.of("Server", "wirelab");
    private static final EncodedField TEXT = EncodedField.of("Content-Type", "text/plain");
    private static final EncodedField TEXT_UTF8 = EncodedField.of("Content-Type", "text/plain; charset=utf-8");
    private static final EncodedField OCTETS = EncodedField.of("Content-Type", "application/octet-stream");
    private static final EncodedField LOGIN_CHALLENGE = EncodedField.of("WWW-Authenticate", "wirelab-login realm=\"POST /login\"");
    private static final byte[] HELLO = "Hello, World!".getBytes(StandardCharsets.US_ASCII);

    private final Supplier<ConnectionMetrics.Snapshot> metrics;
    private final Gateway gateway;

    public HttpRoutes(Supplier<ConnectionMetrics.Snapshot> metrics, Gateway gateway) {
        this.metrics = metrics;
        this.gateway = gateway;
    }

    /** Routes with one account, {@value #DEMO_USER} / {@value #DEMO_PASSWORD}. */
    public static HttpRoutes withDemoAccount(Supplier<ConnectionMetrics.Snapshot> metrics) {
        CredentialStore store = new CredentialStore(LOGIN_ITERATIONS);
        store.register(DEMO_USER, DEMO_PASSWORD.toCharArray());
        return new HttpRoutes(metrics, new Gateway(store));
    }

    /** A session for one connection: its own driver, its own login state. */
    public Session open(String peer) {
        return new HttpSession(conversation(peer));
    }

    /**
     * One connection's side of the routes, for a server that parses HTTP with something other
     * than core's driver (the Netty twin): it remembers the connection's login state.
     */
    public Conversation conversation(String peer) {
        return new Conversation(gateway.connect(peer));
    }

    /** The routes plus one connection's login state; one thread at a time. */
    public final class Conversation {
        /** The typestate handle; replaced by each transition a route makes (login). */
        private Connection login;

        private Conversation(Connection login) {
            this.login = login;
        }

        public void handle(HttpRequestView request, HttpResponseSink response) {
            login = route(request, response, login);
        }

        @Override
        public String toString() {
            return "Conversation[" + login + "]";
        }
    }

    // ---------------------------------------------------------------- routing

    /** Returns the connection's login state after this request (a login changes it). */
    Connection route(HttpRequestView request, HttpResponseSink response, Connection login) {
        if (request.targetIs("/plaintext") && request.methodIs("GET")) {
            plaintext(response);
        } else if (request.targetIs("/echo") && request.methodIs("POST")) {
            common(response.status(200)).header(OCTETS).body(request.body());
        } else if (request.targetIs("/metrics") && request.methodIs("GET")) {
            text(response, 200, metricsText(metrics.get()));
        } else if (request.targetIs("/login") && request.methodIs("POST")) {
            return login(request, response, login);
        } else if (request.targetIs("/data") && request.methodIs("GET")) {
            data(response, login);
        } else {
            text(response, 404, "no route for " + request.method() + " " + request.target() + "\n");
        }
        return login;
    }

    private static void plaintext(HttpResponseSink response) {
        common(response.status(200)).header(TEXT).body(HELLO);
    }

    private static HttpResponseSink common(HttpResponseSink response) {
        return response.header(SERVER).header(HttpDate.now());
    }

    private static void text(HttpResponseSink response, int status, String body) {
        common(response.status(status)).header(TEXT_UTF8).body(body.getBytes(StandardCharsets.UTF_8));
    }

    static String metricsText(ConnectionMetrics.Snapshot m) {
        return "accepted " + m.accepted() + "\nrefused " + m.refused() + "\nclosed " + m.closed()
                + "\nidle_timeouts " + m.idleTimeouts() + "\nerrors " + m.errors() + "\nactive " + m.active()
                + "\npeak_active " + m.peakActive() + "\nbytes_read " + m.bytesRead()
                + "\nbytes_written " + m.bytesWritten() + "\n";
    }

    // ---------------------------------------------------------------- login and data

    /** Each arm holds exactly the handle its state allows; only Unauthenticated can log in. */
    private static Connection login(HttpRequestView request, HttpResponseSink response, Connection login) {
        return switch (login) {
            case Unauthenticated u -> tryLogin(u, request, response);
            case Authenticated a -> {
                text(response, 409, "already logged in as " + a.user() + "\n");
                yield a;
            }
            case Closed c -> {
                text(response, 403, "locked out: " + c.reason() + "\n");
                yield c;
            }
        };
    }

    private static Connection tryLogin(Unauthenticated u, HttpRequestView request, HttpResponseSink response) {
        String form = new String(request.body(), StandardCharsets.UTF_8);
        String user = formValue(form, "user");
        char[] password = formValue(form, "password").toCharArray();
        try {
            return switch (u.login(user, password)) {
                case LoginResult.Success s -> {
                    text(response, 200, "logged in as " + s.connection().user() + "\n");
                    yield s.connection();
                }
                case LoginResult.Rejected r -> {
                    common(response.status(401)).header(LOGIN_CHALLENGE).header(TEXT_UTF8)
                            .body(("wrong user or password; " + r.connection().attemptsLeft() + " attempts left\n")
                                    .getBytes(StandardCharsets.UTF_8));
                    yield r.connection();
                }
                case LoginResult.LockedOut l -> {
                    text(response, 403, "locked out: " + l.connection().reason() + "\n");
                    yield l.connection();
                }
            };
        } finally {
            Arrays.fill(password, '\0'); // do not leave the secret in the heap longer than needed
        }
    }

    /** {@code read} exists only on Authenticated: the other arms cannot reach the data. */
    private static void data(HttpResponseSink response, Connection login) {
        switch (login) {
            case Authenticated a -> text(response, 200, "data for " + a.user() + ": "
                    + a.read("note").orElse("(no note yet)") + "\n");
            case Unauthenticated u -> common(response.status(401)).header(LOGIN_CHALLENGE).header(TEXT_UTF8)
                    .body("log in first: POST /login with user=...&password=...\n".getBytes(StandardCharsets.UTF_8));
            case Closed c -> text(response, 403, "locked out: " + c.reason() + "\n");
        }
    }

    /** The value of {@code name} in {@code a=1&b=2}; empty when absent. The lab does not percent-decode. */
    static String formValue(String form, String name) {
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).strip().equals(name)) {
                return pair.substring(eq + 1).strip();
            }
        }
        return "";
    }
}
