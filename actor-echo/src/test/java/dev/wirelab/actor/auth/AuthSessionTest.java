package dev.wirelab.actor.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.AskPattern;
import akka.actor.typed.javadsl.Behaviors;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.wirelab.actor.auth.AuthSession.Command;
import dev.wirelab.actor.auth.AuthSession.Fetch;
import dev.wirelab.actor.auth.AuthSession.LoggedIn;
import dev.wirelab.actor.auth.AuthSession.LoggedOut;
import dev.wirelab.actor.auth.AuthSession.Login;
import dev.wirelab.actor.auth.AuthSession.Logout;
import dev.wirelab.actor.auth.AuthSession.Reason;
import dev.wirelab.actor.auth.AuthSession.Record;
import dev.wirelab.actor.auth.AuthSession.Refused;

/** The session's states and transitions, driven with plain ask (no testkit needed). */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AuthSessionTest {

    private static final Duration ASK_TIMEOUT = Duration.ofSeconds(5);
    private static final Map<String, String> PASSWORDS = Map.of("ada", "lovelace");
    private static final Map<String, String> RECORDS = Map.of("engine", "analytical");

    private static ActorSystem<Void> system;

    @BeforeAll
    static void startSystem() {
        system = ActorSystem.create(Behaviors.empty(), "auth-session-test", ConfigFactory.parseString("""
                akka.loglevel = WARNING
                akka.stdout-loglevel = OFF
                akka.actor.provider = local
                akka.jvm-shutdown-hooks = off
                akka.coordinated-shutdown.run-by-jvm-shutdown-hook = off
                """).withFallback(ConfigFactory.defaultReference()));
    }

    @AfterAll
    static void stopSystem() throws Exception {
        system.terminate();
        system.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static ActorRef<Command> newSession() {
        return system.systemActorOf(AuthSession.create(PASSWORDS, RECORDS), "session-" + System.nanoTime(),
                akka.actor.typed.Props.empty());
    }

    private static <R> R ask(ActorRef<Command> session, Function<ActorRef<R>, Command> request) throws Exception {
        return AskPattern.ask(session, request::apply, ASK_TIMEOUT, system.scheduler())
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static AuthSession.LoginReply login(ActorRef<Command> session, String password) throws Exception {
        return ask(session, (ActorRef<AuthSession.LoginReply> replyTo) -> new Login("ada", password, replyTo));
    }

    private static AuthSession.FetchReply fetch(ActorRef<Command> session, String key) throws Exception {
        return ask(session, (ActorRef<AuthSession.FetchReply> replyTo) -> new Fetch(key, replyTo));
    }

    private static AuthSession.LogoutReply logout(ActorRef<Command> session) throws Exception {
        return ask(session, Logout::new);
    }

    private static Reason reasonOf(Object reply) {
        return reply instanceof Refused refused ? refused.reason() : null;
    }

    /** Data before login is answered with a typed NOT_LOGGED_IN refusal, not silence and not data. */
    @Test
    void refusesDataRequestsBeforeLogin() throws Exception {
        ActorRef<Command> session = newSession();

        assertEquals(Reason.NOT_LOGGED_IN, reasonOf(fetch(session, "engine")));
        assertEquals(Reason.NOT_LOGGED_IN, reasonOf(logout(session)));
    }

    /** A good login moves the session to the authenticated behavior, which serves records. */
    @Test
    void servesRecordsOnceLoggedIn() throws Exception {
        ActorRef<Command> session = newSession();

        assertEquals(new LoggedIn("ada"), login(session, "lovelace"));
        assertEquals(new Record("engine", "analytical"), fetch(session, "engine"));
        assertEquals(Reason.NO_SUCH_RECORD, reasonOf(fetch(session, "difference")));
    }

    /** A wrong password is refused and leaves the session unauthenticated. */
    @Test
    void staysUnauthenticatedAfterAWrongPassword() throws Exception {
        ActorRef<Command> session = newSession();

        assertEquals(Reason.BAD_CREDENTIALS, reasonOf(login(session, "babbage")));
        assertEquals(Reason.NOT_LOGGED_IN, reasonOf(fetch(session, "engine")));
        assertEquals(new LoggedIn("ada"), login(session, "lovelace"));
    }

    /** Login is a message of the unauthenticated state only: a second one is refused, not re-run. */
    @Test
    void refusesASecondLoginWhileLoggedIn() throws Exception {
        ActorRef<Command> session = newSession();
        login(session, "lovelace");

        assertEquals(Reason.ALREADY_LOGGED_IN, reasonOf(login(session, "lovelace")));
        assertEquals(new Record("engine", "analytical"), fetch(session, "engine"));
    }

    /** Logout is the transition back: afterwards data is refused again. */
    @Test
    void logoutReturnsToTheUnauthenticatedBehavior() throws Exception {
        ActorRef<Command> session = newSession();
        login(session, "lovelace");

        assertEquals(new LoggedOut("ada"), logout(session));
        assertEquals(Reason.NOT_LOGGED_IN, reasonOf(fetch(session, "engine")));
    }

    /** After MAX_FAILED_LOGINS bad logins in a row even the right password is refused. */
    @Test
    void locksOutAfterTooManyBadLogins() throws Exception {
        ActorRef<Command> session = newSession();
        for (int i = 0; i < AuthSession.MAX_FAILED_LOGINS; i++) {
            assertEquals(Reason.BAD_CREDENTIALS, reasonOf(login(session, "wrong-" + i)));
        }

        assertEquals(Reason.LOCKED_OUT, reasonOf(login(session, "lovelace")));
        assertEquals(Reason.LOCKED_OUT, reasonOf(fetch(session, "engine")));
    }

    /** A good login resets the count: bad logins only lock out when they come in a row. */
    @Test
    void countsOnlyBadLoginsInARow() throws Exception {
        ActorRef<Command> session = newSession();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < AuthSession.MAX_FAILED_LOGINS - 1; i++) {
                login(session, "wrong");
            }
            assertEquals(new LoggedIn("ada"), login(session, "lovelace"));
            logout(session);
        }
    }
}
