package exercises.typestate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

/*
 * Exercise typestate-login: make "fetch data before logging in" a compile error.
 *
 * Today the connection checks at run time: fetchData on a connection that has not logged in
 * throws. A typestate turns the state into the type: an Unauthenticated connection has no
 * fetchData method at all, and the only way to get an Authenticated one is a successful
 * login. Then the mistake cannot be written, let alone shipped.
 *
 * Your steps:
 *  1. Write login: compare the password in constant time (MessageDigest.isEqual on the bytes),
 *     and on success hand out an Authenticated for that user.
 *  2. Delete fetchData from this class.
 *  3. In Authenticated.java, make sure no code outside this package can make an Authenticated
 *     without logging in.
 *
 * The tests compile small programs against your classes: one that logs in and fetches must
 * compile; one that fetches without logging in, and one that forges an Authenticated, must not.
 */
public final class Unauthenticated {

    private final Map<String, String> passwords;

    private Unauthenticated(Map<String, String> passwords) {
        this.passwords = Map.copyOf(passwords);
    }

    /** A fresh connection to a server that knows these users and passwords. */
    public static Unauthenticated connect(Map<String, String> passwords) {
        return new Unauthenticated(passwords);
    }

    /** The authenticated connection when user and password match, else empty. */
    public Optional<Authenticated> login(String user, String password) {
        // TODO: look the user up, compare the password bytes with MessageDigest.isEqual,
        //       and return an Authenticated on success, Optional.empty() otherwise.
        throw new UnsupportedOperationException("typestate-login: login is not written yet (run: lab hint typestate-login)");
    }

    // TODO: delete this method. Data must be reachable only through Authenticated.
    public byte[] fetchData() {
        throw new IllegalStateException("not logged in");
    }

    Map<String, String> passwords() {
        return passwords;
    }

    static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
