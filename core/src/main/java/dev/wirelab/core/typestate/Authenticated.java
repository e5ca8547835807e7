package dev.wirelab.core.typestate;

import java.util.Optional;

/**
 * A connection that has logged in as {@link #user()}: the only state with data access.
 *
 * <p>{@link #read} and {@link #write} are declared here and nowhere else, so holding an
 * {@code Authenticated} is the proof that login succeeded; the compiler checks the proof.
 * Data is scoped to the user: one user cannot name another's records.
 *
 * <p>{@link #logout()} and {@link #disconnect()} consume this handle. Afterwards every
 * method, data access included, throws {@link IllegalStateException}: without that check a
 * Java program could keep reading through a handle whose session had ended, which is
 * exactly the bug the typestate is meant to rule out (Rust rules it out at compile time).
 */
public final class Authenticated implements Connection {

    private final Gateway gateway;
    private final String peer;
    private final String user;
    private final Ownership ownership = new Ownership("Authenticated");

    Authenticated(Gateway gateway, String peer, String user) {
        this.gateway = gateway;
        this.peer = peer;
        this.user = user;
    }

    @Override
    public String peer() {
        return peer;
    }

    /** The user this connection logged in as. */
    public String user() {
        ownership.check();
        return user;
    }

    /** Reads one of this user's records. */
    public Optional<String> read(String key) {
        ownership.check();
        return gateway.readRecord(user, key);
    }

    /** Writes one of this user's records, replacing any previous value. */
    public void write(String key, String value) {
        ownership.check();
        gateway.writeRecord(user, key, value);
    }

    /** Ends the session but keeps the connection: back to {@link Unauthenticated}, attempts reset. */
    public Unauthenticated logout() {
        ownership.take("logout()");
        ownership.handedOver("use the Unauthenticated one it returned");
        return gateway.unauthenticated(peer);
    }

    /** Ends the session and the connection. */
    public Closed disconnect() {
        ownership.take("disconnect()");
        ownership.handedOver("the connection is closed");
        return new Closed(peer, "client disconnected after logging in as " + user);
    }

    @Override
    public String toString() {
        return "Authenticated[" + peer + " as " + user + "]";
    }
}
