package dev.wirelab.labs.quiz;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a question knows its right answer: in the clear ({@link Marked}, the teacher
 * edition's {@code - [x]} marks) or as a salted hash ({@link Hashed}, the student edition).
 * The engine grades from either; only the teacher edition can say what the answer was.
 */
public sealed interface AnswerKey {

    /** Whether {@code answer} is the right answer to the question with this {@code id}. */
    boolean accepts(String id, Answer answer);

    /** The right answer, when this key can tell it (teacher edition only). */
    Optional<Answer> revealed();

    /** The teacher edition: the options marked {@code [x]} are the answer. */
    record Marked(Answer correct) implements AnswerKey {
        @Override
        public boolean accepts(String id, Answer answer) {
            return correct.equals(answer);
        }

        @Override
        public Optional<Answer> revealed() {
            return Optional.of(correct);
        }
    }

    /**
     * The student edition: {@code SHA-256(salt ‖ UTF-8(id + "\n" + letters))} where
     * {@code letters} is the canonical answer ({@code "ac"}), and the salt is 16 random bytes
     * per question. Written in a file as {@code key: sha256:<salt hex>:<hash hex>}.
     *
     * <p>The per-question salt means equal answers to different questions hash differently,
     * so one solved question reveals nothing about another. It does not make the key secret:
     * a question with four options has only 15 possible answers, and anyone can hash them
     * all. The student edition keeps answers from being seen at a glance; it is not an exam.
     */
    record Hashed(String saltHex, String hashHex) implements AnswerKey {

        private static final Pattern LINE = Pattern.compile("sha256:([0-9a-f]{32}):([0-9a-f]{64})");
        private static final HexFormat HEX = HexFormat.of();

        /** Hashes {@code correct} under a fresh random salt. */
        public static Hashed of(String id, Answer correct, SecureRandom random) {
            byte[] salt = new byte[16];
            random.nextBytes(salt);
            return new Hashed(HEX.formatHex(salt), HEX.formatHex(digest(salt, id, correct)));
        }

        /** Reads the value of a {@code key:} line; empty if it is not {@code sha256:<32 hex>:<64 hex>}. */
        public static Optional<Hashed> parse(String value) {
            Matcher m = LINE.matcher(value);
            return m.matches() ? Optional.of(new Hashed(m.group(1), m.group(2))) : Optional.empty();
        }

        /** The value written after {@code key:}. */
        public String line() {
            return "sha256:" + saltHex + ":" + hashHex;
        }

        @Override
        public boolean accepts(String id, Answer answer) {
            byte[] candidate = digest(HEX.parseHex(saltHex), id, answer);
            return MessageDigest.isEqual(candidate, HEX.parseHex(hashHex));
        }

        @Override
        public Optional<Answer> revealed() {
            return Optional.empty();
        }

        static byte[] digest(byte[] salt, String id, Answer answer) {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                sha.update(salt);
                sha.update((id + "\n" + answer.canonical()).getBytes(StandardCharsets.UTF_8));
                return sha.digest();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java platform has SHA-256", e);
            }
        }
    }
}
