package dev.wirelab.core.typestate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Run-time behaviour of the typestate connection: transitions, typed failures, consumed handles. */
class ConnectionTest {

    /** Few PBKDF2 rounds keep the tests fast; the work factor does not change behaviour. */
    private static final int TEST_ITERATIONS = 1_000;

    private final CredentialStore store = new CredentialStore(TEST_ITERATIONS);
    private final Gateway gateway = new Gateway(store, 2);

    ConnectionTest() {
        store.register("ada", "correct horse".toCharArray());
        store.register("bob", "battery staple".toCharArray());
    }

    private Authenticated loginAs(String user, String password) {
        LoginResult result = gateway.connect("127.0.0.1:4000").login(user, password.toCharArray());
        return assertInstanceOf(LoginResult.Success.class, result).connection();
    }

    @Test
    void rightPasswordYieldsAnAuthenticatedConnectionForThatUser() {
        Authenticated ada = loginAs("ada", "correct horse");
        assertEquals("ada", ada.user());
        assertEquals("127.0.0.1:4000", ada.peer());
    }

    /** Records are scoped to the logged-in user: bob cannot see what ada wrote. */
    @Test
    void eachUserReadsOnlyTheirOwnRecords() {
        loginAs("ada", "correct horse").write("balance", "42");
        assertEquals(Optional.of("42"), loginAs("ada", "correct horse").read("balance"));
        assertEquals(Optional.empty(), loginAs("bob", "battery staple").read("balance"));
    }

    /** A wrong password is a value, not an exception, and carries a fresh handle with one attempt fewer. */
    @Test
    void wrongPasswordIsARejectedValueWithAFreshHandle() {
        Unauthenticated first = gateway.connect("peer");
        LoginResult result = first.login("ada", "Correct horse".toCharArray());
        Unauthenticated retry = assertInstanceOf(LoginResult.Rejected.class, result).connection();
        assertEquals(2, first.attemptsLeft());
        assertEquals(1, retry.attemptsLeft());
        assertInstanceOf(LoginResult.Success.class, retry.login("ada", "correct horse".toCharArray()));
    }

    /** An unknown user is reported exactly like a wrong password: no user-name enumeration. */
    @Test
    void unknownUserIsRejectedExactlyLikeAWrongPassword() {
        LoginResult unknown = gateway.connect("peer").login("mallory", "correct horse".toCharArray());
        LoginResult wrong = gateway.connect("peer").login("ada", "wrong".toCharArray());
        assertEquals(wrong.getClass(), unknown.getClass());
        assertEquals(((LoginResult.Rejected) wrong).connection().attemptsLeft(),
                ((LoginResult.Rejected) unknown).connection().attemptsLeft());
    }

    /** A password that differs only in its last character, or is a prefix, is rejected. */
    @Test
    void nearMissPasswordsAreRejected() {
        for (String guess : List.of("correct hors", "correct horsE", "correct horse ", "")) {
            LoginResult result = gateway.connect("peer").login("ada", guess.toCharArray());
            assertInstanceOf(LoginResult.Rejected.class, result, "accepted: '" + guess + "'");
        }
    }

    @Test
    void lastFailedAttemptLocksOutAndClosesTheConnection() {
        Unauthenticated retry = ((LoginResult.Rejected) gateway.connect("peer").login("ada", "x".toCharArray())).connection();
        LoginResult last = retry.login("ada", "y".toCharArray());
        Closed closed = assertInstanceOf(LoginResult.LockedOut.class, last).connection();
        assertEquals(new Closed("peer", "too many failed logins"), closed);
    }

    /** The Java stand-in for "use of moved value": the stale handle names the one to use instead. */
    @Test
    void loggingInTwiceWithTheSameHandleFailsWithAClearMessage() {
        Unauthenticated conn = gateway.connect("peer");
        conn.login("ada", "correct horse".toCharArray());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> conn.login("ada", "correct horse".toCharArray()));
        assertEquals("this Unauthenticated connection was consumed by login(); use the Authenticated one it returned",
                e.getMessage());
    }

    @Test
    void reusingARejectedHandlePointsAtTheRetryHandle() {
        Unauthenticated conn = gateway.connect("peer");
        conn.login("ada", "nope".toCharArray());
        IllegalStateException e = assertThrows(IllegalStateException.class, conn::disconnect);
        assertEquals("this Unauthenticated connection was consumed by login();"
                + " use the Unauthenticated one in the LoginResult.Rejected it returned", e.getMessage());
    }

    /** After logout the old Authenticated handle must not read data: that is the bug typestate exists to stop. */
    @Test
    void readingThroughALoggedOutHandleFails() {
        Authenticated ada = loginAs("ada", "correct horse");
        Unauthenticated after = ada.logout();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ada.read("balance"));
        assertEquals("this Authenticated connection was consumed by logout(); use the Unauthenticated one it returned",
                e.getMessage());
        assertEquals(2, after.attemptsLeft(), "logout starts a fresh login with the full attempt budget");
    }

    /** A server-side hang-up consumes whatever state the connection was in; closing twice is harmless. */
    @Test
    void gatewayDisconnectConsumesEveryState() {
        Authenticated ada = loginAs("ada", "correct horse");
        Unauthenticated fresh = gateway.connect("peer");
        Closed closed = new Closed("peer", "done");
        gateway.disconnect(ada);
        gateway.disconnect(fresh);
        gateway.disconnect(closed);
        assertThrows(IllegalStateException.class, () -> ada.write("k", "v"));
        assertThrows(IllegalStateException.class, () -> fresh.login("ada", "correct horse".toCharArray()));
    }

    /** Two threads racing to transition one handle: exactly one wins, the other is told it lost. */
    @Test
    @Timeout(10)
    void concurrentLoginsOnOneHandleLetExactlyOneWin() throws Exception {
        Unauthenticated conn = gateway.connect("peer");
        CountDownLatch start = new CountDownLatch(1);
        List<Future<LoginResult>> attempts = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (int i = 0; i < 2; i++) {
                attempts.add(pool.submit(() -> {
                    start.await();
                    return conn.login("ada", "correct horse".toCharArray());
                }));
            }
            start.countDown();
            int won = 0;
            int refused = 0;
            for (Future<LoginResult> attempt : attempts) {
                try {
                    assertInstanceOf(LoginResult.Success.class, attempt.get(5, TimeUnit.SECONDS));
                    won++;
                } catch (java.util.concurrent.ExecutionException e) {
                    assertInstanceOf(IllegalStateException.class, e.getCause());
                    refused++;
                }
            }
            assertEquals(1, won);
            assertEquals(1, refused);
        }
    }

    @Test
    void gatewayRejectsANonPositiveAttemptLimit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Gateway(store, 0));
        assertEquals("maxAttempts must be at least 1, was 0", e.getMessage());
    }

    @Test
    void storeVerifiesOnlyTheRegisteredPassword() {
        assertTrue(store.verify("ada", "correct horse".toCharArray()));
        assertFalse(store.verify("ada", "battery staple".toCharArray()));
        assertFalse(store.verify("nobody", new char[0]));
    }
}
