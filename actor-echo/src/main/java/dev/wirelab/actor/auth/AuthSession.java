package dev.wirelab.actor.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.Behaviors;

/*
 * Typestate, in actor form.
 *
 * core's typestate lesson makes a connection's state part of its type: an unauthenticated
 * connection simply has no fetch() method, so "fetch before login" does not compile. An actor
 * cannot do that with one reference: whoever holds an ActorRef<AuthSession.Command> can send
 * any Command at any time, because messages arrive asynchronously and the sender cannot know
 * what state the actor is in when the message lands.
 *
 * What the actor model offers instead:
 *
 *   1. The state is the BEHAVIOR. Each state is its own method returning the Behavior that
 *      handles messages in that state, and a transition is returning another one. There is no
 *      "state" field to forget to check: in unauthenticated(), the code that serves data does
 *      not exist, exactly as fetch() does not exist on core's unauthenticated type.
 *
 *   2. A message that is wrong for the state gets a TYPED answer. Every request carries a
 *      reply address whose type is a sealed interface of all possible outcomes, so the caller's
 *      switch over the reply must handle Refused(NOT_LOGGED_IN) or it does not compile. The
 *      check moved from compile time to run time; the handling of its failure did not.
 *
 *        ┌─────────────────┐  Login ok           ┌──────────────────┐
 *        │ unauthenticated │ ──────────────────▶ │  authenticated   │
 *        │  Fetch → Refused│ ◀────────────────── │  Fetch → Record  │
 *        └─────────────────┘  Logout             └──────────────────┘
 *              │ MAX_FAILED_LOGINS bad logins in a row
 *              ▼
 *        ┌─────────────────┐
 *        │   locked out    │  everything → Refused(LOCKED_OUT)
 *        └─────────────────┘
 *
 * Going further: the login reply could carry a fresh ActorRef<Authenticated.Command>, a
 * reference that only exists after a successful login and whose type only admits data requests.
 * That brings part of the compile-time guarantee back (a capability), at the price of one more
 * actor per session.
 *
 * Where the lab simplifies: credentials are a plain map compared in constant time; a real
 * server stores salted, slow hashes (PBKDF2, scrypt, Argon2) and never keeps a password.
 *
 * How to run: AuthSessionTest drives every transition with plain ActorSystem + ask.
 */

/**
 * A session actor that serves records only to a logged-in user: the unauthenticated and
 * authenticated states are two behaviors, and requests in the wrong state get a typed
 * {@link Refused} reply. See the lesson comment above the class.
 */
public final class AuthSession {

    /** Bad logins in a row after which the session refuses everything. */
    public static final int MAX_FAILED_LOGINS = 3;

    /** Every request the session understands; each names where its typed reply goes. */
    public sealed interface Command permits Login, Fetch, Logout {
    }

    /** Log in as {@code user}. */
    public record Login(String user, String password, ActorRef<LoginReply> replyTo) implements Command {
    }

    /** Read the record stored under {@code key}: only for a logged-in user. */
    public record Fetch(String key, ActorRef<FetchReply> replyTo) implements Command {
    }

    /** End the login; the session is unauthenticated again. */
    public record Logout(ActorRef<LogoutReply> replyTo) implements Command {
    }

    /** The outcomes of a {@link Login}. */
    public sealed interface LoginReply permits LoggedIn, Refused {
    }

    /** The outcomes of a {@link Fetch}. */
    public sealed interface FetchReply permits Record, Refused {
    }

    /** The outcomes of a {@link Logout}. */
    public sealed interface LogoutReply permits LoggedOut, Refused {
    }

    public record LoggedIn(String user) implements LoginReply {
    }

    public record Record(String key, String value) implements FetchReply {
    }

    public record LoggedOut(String user) implements LogoutReply {
    }

    /** The typed error: why a request was refused in the session's current state. */
    public record Refused(Reason reason, String detail) implements LoginReply, FetchReply, LogoutReply {
    }

    public enum Reason {
        /** A data request or logout before a successful login. */
        NOT_LOGGED_IN,
        /** Unknown user or wrong password (deliberately not saying which). */
        BAD_CREDENTIALS,
        /** A login while already logged in: log out first. */
        ALREADY_LOGGED_IN,
        /** Too many bad logins in a row; the session serves nothing any more. */
        LOCKED_OUT,
        /** Logged in, but there is no record under that key. */
        NO_SUCH_RECORD
    }

    private final Map<String, String> passwords;
    private final Map<String, String> records;

    private AuthSession(Map<String, String> passwords, Map<String, String> records) {
        this.passwords = Map.copyOf(passwords);
        this.records = Map.copyOf(records);
    }

    /**
     * A new session, not logged in.
     *
     * @param passwords user → password
     * @param records   key → value, readable by any logged-in user
     */
    public static Behavior<Command> create(Map<String, String> passwords, Map<String, String> records) {
        return new AuthSession(passwords, records).unauthenticated(0);
    }

    // ---------------------------------------------------------------- protocol states

    /** Not logged in: only a login can succeed; there is no code here that serves data. */
    private Behavior<Command> unauthenticated(int failedLogins) {
        return Behaviors.receive(Command.class)
                .onMessage(Login.class, login -> onLogin(login, failedLogins))
                .onMessage(Fetch.class, fetch -> refuse(fetch.replyTo(), Reason.NOT_LOGGED_IN, "log in first"))
                .onMessage(Logout.class, logout -> refuse(logout.replyTo(), Reason.NOT_LOGGED_IN, "nobody is logged in"))
                .build();
    }

    /** Logged in as {@code user}: data is served; another login is refused. */
    private Behavior<Command> authenticated(String user) {
        return Behaviors.receive(Command.class)
                .onMessage(Fetch.class, fetch -> onFetch(fetch))
                .onMessage(Login.class, login ->
                        refuse(login.replyTo(), Reason.ALREADY_LOGGED_IN, "logged in as " + user + "; log out first"))
                .onMessage(Logout.class, logout -> {
                    logout.replyTo().tell(new LoggedOut(user));
                    return unauthenticated(0);
                })
                .build();
    }

    /** Too many bad logins: every request is refused, for good. */
    private Behavior<Command> lockedOut() {
        String detail = MAX_FAILED_LOGINS + " bad logins in a row";
        return Behaviors.receive(Command.class)
                .onMessage(Login.class, login -> refuse(login.replyTo(), Reason.LOCKED_OUT, detail))
                .onMessage(Fetch.class, fetch -> refuse(fetch.replyTo(), Reason.LOCKED_OUT, detail))
                .onMessage(Logout.class, logout -> refuse(logout.replyTo(), Reason.LOCKED_OUT, detail))
                .build();
    }

    // ---------------------------------------------------------------- transitions

    private Behavior<Command> onLogin(Login login, int failedLogins) {
        if (passwordMatches(login.user(), login.password())) {
            login.replyTo().tell(new LoggedIn(login.user()));
            return authenticated(login.user());
        }
        int failures = failedLogins + 1;
        login.replyTo().tell(new Refused(Reason.BAD_CREDENTIALS, "bad login " + failures + " of " + MAX_FAILED_LOGINS));
        return failures >= MAX_FAILED_LOGINS ? lockedOut() : unauthenticated(failures);
    }

    private Behavior<Command> onFetch(Fetch fetch) {
        String value = records.get(fetch.key());
        if (value == null) {
            return refuse(fetch.replyTo(), Reason.NO_SUCH_RECORD, "no record '" + fetch.key() + "'");
        }
        fetch.replyTo().tell(new Record(fetch.key(), value));
        return Behaviors.same();
    }

    /** Constant-time comparison, so response time does not leak how much of a password was right. */
    private boolean passwordMatches(String user, String password) {
        String expected = passwords.get(user);
        return expected != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), password.getBytes(StandardCharsets.UTF_8));
    }

    private static Behavior<Command> refuse(ActorRef<? super Refused> replyTo, Reason reason, String detail) {
        replyTo.tell(new Refused(reason, detail));
        return Behaviors.same();
    }
}
