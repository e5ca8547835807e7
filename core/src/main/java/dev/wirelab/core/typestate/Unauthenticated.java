package dev.wirelab.core.typestate;

/**
 * A connection that has not logged in: it can {@link #login}, and {@link #disconnect}, and
 * nothing else. There is deliberately no {@code read} or {@code write} here; code that
 * tries to call one does not compile.
 *
 * <p>Both methods consume this handle. Calling either again on the same object throws
 * {@link IllegalStateException} with a message naming the handle to use instead: Java
 * cannot reject that reuse at compile time the way Rust rejects use of a moved value.
 */
public final class Unauthenticated implements Connection {

    private final Gateway gateway;
    private final String peer;
    private final int attemptsLeft;
    private final Ownership ownership = new Ownership("Unauthenticated");

    Unauthenticated(Gateway gateway, String peer, int attemptsLeft) {
        this.gateway = gateway;
        this.peer = peer;
        this.attemptsLeft = attemptsLeft;
    }

    @Override
    public String peer() {
        return peer;
    }

    /** How many more failed logins this connection may make before it is closed. */
    public int attemptsLeft() {
        return attemptsLeft;
    }

    /**
     * Checks the credentials and moves to the next state. A wrong user name and a wrong
     * password are reported the same way and take the same time, so a caller learns
     * neither which user names exist nor how close a guess was.
     *
     * <p>The password is a {@code char[]} (as in {@link javax.crypto.spec.PBEKeySpec}) so the
     * caller can overwrite it once login returns; a {@code String} would stay in the heap
     * until collected.
     *
     * @return {@link LoginResult.Success} with an {@link Authenticated} connection,
     *         {@link LoginResult.Rejected} with a fresh {@code Unauthenticated} to retry on, or
     *         {@link LoginResult.LockedOut} with the {@link Closed} connection when no attempts are left
     * @throws IllegalStateException if this handle was already consumed (programming error)
     */
    public LoginResult login(String user, char[] password) {
        ownership.take("login()");
        // Phase 1: always do the full, constant-time check (see CredentialStore).
        boolean valid = gateway.credentials().verify(user, password);
        // Phase 2: hand the caller the next state, and remember it for a stale-handle message.
        if (valid) {
            ownership.handedOver("use the Authenticated one it returned");
            return new LoginResult.Success(new Authenticated(gateway, peer, user));
        }
        if (attemptsLeft > 1) {
            ownership.handedOver("use the Unauthenticated one in the LoginResult.Rejected it returned");
            return new LoginResult.Rejected(new Unauthenticated(gateway, peer, attemptsLeft - 1));
        }
        ownership.handedOver("it returned LoginResult.LockedOut and the connection is closed");
        return new LoginResult.LockedOut(new Closed(peer, "too many failed logins"));
    }

    /** Ends the connection without logging in. */
    public Closed disconnect() {
        ownership.take("disconnect()");
        ownership.handedOver("the connection is closed");
        return new Closed(peer, "client disconnected before login");
    }

    @Override
    public String toString() {
        return "Unauthenticated[" + peer + ", attempts left " + attemptsLeft + "]";
    }
}
