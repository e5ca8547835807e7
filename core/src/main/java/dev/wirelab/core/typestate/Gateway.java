package dev.wirelab.core.typestate;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The server side of the lesson: it hands out {@link Unauthenticated} connections, owns
 * the {@link CredentialStore} that {@code login} checks, and keeps each user's records.
 *
 * <p>The lab simplifies: there is no socket here. A connection is identified by its peer
 * string and its state object; a real server would attach the state to the channel (for
 * example as the selection key's attachment) and replace it on each transition. The type
 * discipline is the same.
 */
public final class Gateway {

    /** Failed logins a connection may make before it is closed. */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;

    private final CredentialStore credentials;
    private final int maxAttempts;
    private final ConcurrentMap<String, ConcurrentMap<String, String>> records = new ConcurrentHashMap<>();

    public Gateway(CredentialStore credentials) {
        this(credentials, DEFAULT_MAX_ATTEMPTS);
    }

    public Gateway(CredentialStore credentials, int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        this.credentials = credentials;
        this.maxAttempts = maxAttempts;
    }

    /** A new connection from {@code peer}: every connection starts unauthenticated. */
    public Unauthenticated connect(String peer) {
        return unauthenticated(peer);
    }

    /**
     * Server-side hang-up, whatever state the connection is in.
     *
     * <p>This is a {@code switch} statement over a sealed type with one case per state and
     * no {@code default}. A pattern switch must be exhaustive, so the day someone adds a
     * state to {@link Connection}'s {@code permits} list, this method stops compiling
     * ("the switch statement does not cover all possible input values") until the new
     * state is handled here. A {@code default} branch would silently swallow it.
     */
    public void disconnect(Connection connection) {
        switch (connection) {
            case Unauthenticated u -> u.disconnect();
            case Authenticated a -> a.disconnect();
            case Closed _ -> { } // already closed: hanging up twice is harmless
        }
    }

    CredentialStore credentials() {
        return credentials;
    }

    Unauthenticated unauthenticated(String peer) {
        return new Unauthenticated(this, peer, maxAttempts);
    }

    /** Per-user records: package-private, so only {@link Authenticated} reaches them. */
    Optional<String> readRecord(String user, String key) {
        ConcurrentMap<String, String> mine = records.get(user);
        return mine == null ? Optional.empty() : Optional.ofNullable(mine.get(key));
    }

    void writeRecord(String user, String key, String value) {
        records.computeIfAbsent(user, u -> new ConcurrentHashMap<>()).put(key, value);
    }
}
