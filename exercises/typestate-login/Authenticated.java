package exercises.typestate;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A connection that has logged in: the only type that can fetch data. */
public final class Authenticated {

    private final String user;
    private final Map<String, String> passwords;

    // TODO: this constructor lets any code forge a logged-in connection. Restrict it.
    public Authenticated(String user, Map<String, String> passwords) {
        this.user = user;
        this.passwords = passwords;
    }

    public String user() {
        return user;
    }

    /** The user's data. */
    public byte[] fetchData() {
        return ("data of " + user).getBytes(StandardCharsets.UTF_8);
    }

    /** Logging out gives back an unauthenticated connection; this one should not be used again. */
    public Unauthenticated logout() {
        return Unauthenticated.connect(passwords);
    }
}
