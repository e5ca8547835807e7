package dev.wirelab.labs.quiz;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Writes a chapter as a student edition: the same questions and options, with every
 * {@code - [x]} turned into {@code - [ ]}, the answer kept only as a salted hash on a
 * {@code key:} line ({@link AnswerKey.Hashed}), and the explanation base64-encoded.
 *
 * <p>The engine grades a student edition exactly as it grades the teacher edition; it can
 * tell the student whether an answer is right, and after a wrong one it shows the
 * explanation but cannot name the right option.
 *
 * <p>Be honest about what this protects: the hash stops answers being read at a glance,
 * but a question with n options has only 2^n - 1 possible answers, so anyone can try them
 * all; the base64 explanation is encoded, not encrypted. Self-grading for learners, not
 * exam security.
 */
public final class StudentEdition {

    private static final int BASE64_LINE = 76;

    private StudentEdition() {
    }

    /** The student edition of {@code chapter} as file text, with fresh random salts. */
    public static String write(Chapter chapter, SecureRandom random) {
        StringBuilder md = new StringBuilder("# ").append(chapter.title()).append("\n\n");
        if (!chapter.intro().isEmpty()) {
            md.append(chapter.intro()).append("\n\n");
        }
        for (Question q : chapter.questions()) {
            question(md, q, random);
        }
        return md.toString();
    }

    private static void question(StringBuilder md, Question q, SecureRandom random) {
        AnswerKey.Hashed key = switch (q.key()) {
            case AnswerKey.Marked marked -> AnswerKey.Hashed.of(q.id(), marked.correct(), random);
            case AnswerKey.Hashed already -> already;
        };
        md.append("## ").append(q.prompt()).append('\n')
                .append("id: ").append(q.id()).append('\n')
                .append("type: ").append(q.type().word()).append('\n');
        q.lab().ifPresent(lab -> md.append("lab: ").append(lab).append('\n'));
        md.append("key: ").append(key.line()).append("\n\n");
        if (!q.body().isEmpty()) {
            md.append(q.body()).append("\n\n");
        }
        for (Option o : q.options()) {
            md.append("- [ ] ").append(o.text()).append('\n');
        }
        md.append('\n');
        String encoded = "base64:" + Base64.getEncoder().encodeToString(q.explanation().getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < encoded.length(); i += BASE64_LINE) {
            md.append("> ").append(encoded, i, Math.min(encoded.length(), i + BASE64_LINE)).append('\n');
        }
        md.append('\n');
    }
}
