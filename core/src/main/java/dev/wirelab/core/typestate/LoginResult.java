package dev.wirelab.core.typestate;

/**
 * What {@link Unauthenticated#login} returns: a failed login is a value, not an exception.
 *
 * <p>A wrong password is an expected outcome on the normal path, so it is a case of this
 * sealed type rather than a thrown exception: the caller's {@code switch} must handle every
 * case (the compiler checks it), and each case carries the one connection handle that is
 * valid next. This is Java's shape for Rust's {@code Result<Connection<Authenticated>, AuthError>},
 * with the difference that a rejected login here hands back a connection to retry on
 * instead of dropping it.
 *
 * <pre>{@code
 * switch (connection.login("ada", password)) {
 *     case LoginResult.Success s   -> serve(s.connection());
 *     case LoginResult.Rejected r  -> askAgain(r.connection(), r.connection().attemptsLeft());
 *     case LoginResult.LockedOut l -> log(l.connection().reason());
 * }
 * }</pre>
 */
public sealed interface LoginResult {

    /** The credentials matched: here is the authenticated connection. */
    record Success(Authenticated connection) implements LoginResult {
    }

    /**
     * The credentials did not match (which part was wrong is deliberately not said); the
     * connection may try again, {@code connection().attemptsLeft()} more times.
     */
    record Rejected(Unauthenticated connection) implements LoginResult {
    }

    /** The last attempt failed: the connection is closed. */
    record LockedOut(Closed connection) implements LoginResult {
    }
}
