package exercises.typestate;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/* Reference solution for typestate-login: the constructor is package-private, so only login makes one. */
public final class Authenticated {

    private final String user;
    private final Map<String, String> passwords;

    Authenticated(String user, Map<String, String> passwords) {
        this.user = user;
        this.passwords = passwords;
    }

    public String user() {
        return user;
    }

    public byte[] fetchData() {
        return ("data of " + user).getBytes(StandardCharsets.UTF_8);
    }

    public Unauthenticated logout() {
        return Unauthenticated.connect(passwords);
    }
}
