package dev.wirelab.core.typestate;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * User names and password hashes, checked in constant time.
 *
 * <p><b>Why not {@code stored.equals(given)}?</b> {@code String.equals} returns at the
 * first character that differs, so a wrong guess that shares a longer prefix with the
 * password takes measurably longer to reject. Repeated over many tries, that timing
 * difference lets an attacker recover a secret one character at a time. This class
 * closes that channel in three steps:
 * <ol>
 *   <li>It never compares passwords, only hashes: PBKDF2-HMAC-SHA256 of the password with a
 *       per-user random salt, always {@value #HASH_BYTES} bytes. The attacker cannot choose
 *       the bytes being compared, and the comparison never depends on the password's length.</li>
 *   <li>It compares them with {@link MessageDigest#isEqual}, which looks at every byte no
 *       matter where the first difference is (the JDK's implementation note: its time
 *       depends only on the length of its first argument, not on the contents). Its result
 *       still depends on the lengths, and so would a caller's early exit on a length
 *       mismatch; with two hashes of one fixed length there is no length to leak.</li>
 *   <li>An unknown user name goes through the same work against a decoy entry, so the
 *       time taken does not reveal which user names exist.</li>
 * </ol>
 * PBKDF2 is deliberately slow ({@link #DEFAULT_ITERATIONS} rounds, the OWASP Password
 * Storage Cheat Sheet's figure for PBKDF2-HMAC-SHA256), so a stolen table of hashes is
 * expensive to brute-force. Tests pass a small iteration count to stay fast; a production
 * service would also prefer a memory-hard hash (Argon2, scrypt) from a vetted library.
 *
 * <p>Thread-safe: registrations and checks may run concurrently.
 */
public final class CredentialStore {

    /** PBKDF2-HMAC-SHA256 rounds by default (OWASP Password Storage Cheat Sheet). */
    public static final int DEFAULT_ITERATIONS = 600_000;
    /** Every stored and computed hash has this length, which is what makes the comparison constant time. */
    public static final int HASH_BYTES = 32;
    private static final int SALT_BYTES = 16;

    private record Entry(byte[] salt, byte[] hash) {
    }

    private final int iterations;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Entry> users = new ConcurrentHashMap<>();
    private final Entry decoy;

    public CredentialStore() {
        this(DEFAULT_ITERATIONS);
    }

    /** A store with a chosen work factor; below the default only for tests and demos. */
    public CredentialStore(int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be at least 1, was " + iterations);
        }
        this.iterations = iterations;
        // A decoy with a random hash: no password can be expected to match it.
        this.decoy = new Entry(randomBytes(SALT_BYTES), randomBytes(HASH_BYTES));
    }

    /** Adds or replaces a user. The password array is not kept; the caller may wipe it. */
    public void register(String user, char[] password) {
        byte[] salt = randomBytes(SALT_BYTES);
        users.put(user, new Entry(salt, hash(password, salt)));
    }

    /** True when the user exists and the password matches; takes the same time either way. */
    boolean verify(String user, char[] password) {
        // Phase 1: pick the real entry or the decoy; both paths do identical work below.
        Entry stored = users.get(user);
        boolean known = stored != null;
        Entry entry = known ? stored : decoy;
        // Phase 2: hash the candidate with the entry's salt and compare all 32 bytes.
        boolean matches = MessageDigest.isEqual(hash(password, entry.salt()), entry.hash());
        // Non-short-circuit '&': evaluate both, as a reminder that no branch may depend on which failed.
        return known & matches;
    }

    private byte[] hash(char[] password, byte[] salt) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BYTES * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            // Every OpenJDK build ships it (SunJCE); Java SE requires it from JDK 27 on.
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available on this JDK", e);
        } finally {
            spec.clearPassword();
        }
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }
}
