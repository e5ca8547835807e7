package exercises.typestate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

/* Reference solution for typestate-login: no fetchData here; login is the only door. */
public final class Unauthenticated {

    private final Map<String, String> passwords;

    private Unauthenticated(Map<String, String> passwords) {
        this.passwords = Map.copyOf(passwords);
    }

    public static Unauthenticated connect(Map<String, String> passwords) {
        return new Unauthenticated(passwords);
    }

    public Optional<Authenticated> login(String user, String password) {
        // An unknown user is compared against a dummy so both paths do the same work.
        String stored = passwords.getOrDefault(user, "\0unknown-user");
        boolean known = passwords.containsKey(user);
        boolean matches = same(stored, password);
        return known & matches ? Optional.of(new Authenticated(user, passwords)) : Optional.empty();
    }

    Map<String, String> passwords() {
        return passwords;
    }

    static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
