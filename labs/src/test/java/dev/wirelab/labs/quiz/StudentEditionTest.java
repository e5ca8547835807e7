package dev.wirelab.labs.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The student edition hides the answers but grades exactly like the teacher edition. */
class StudentEditionTest {

    private static List<Chapter> shipped;

    @BeforeAll
    static void loadShipped() throws Exception {
        shipped = new QuizBank(QuizBank.findUpward(Path.of("").toAbsolutePath()).orElseThrow()).chapters();
    }

    /** For every shipped question and every possible answer, both editions give the same grade. */
    @Test
    void studentEditionGradesEveryPossibleAnswerLikeTheTeacherEdition() throws Exception {
        SecureRandom random = new SecureRandom();
        int graded = 0;
        for (Chapter teacher : shipped) {
            Chapter student = QuizParser.parse(teacher.file(), StudentEdition.write(teacher, random));
            assertTrue(student.studentEdition(), teacher.name());
            assertEquals(teacher.questions().size(), student.questions().size());
            for (int n = 1; n <= teacher.questions().size(); n++) {
                Question t = teacher.question(n);
                Question s = student.question(n);
                for (Answer answer : everyAnswer(t.options().size())) {
                    assertEquals(t.grade(answer).correct(), s.grade(answer).correct(), t.id() + " " + answer);
                    graded++;
                }
            }
        }
        assertTrue(graded > 1000, "graded only " + graded);
    }

    /** Apart from the answer key, the student sees exactly the teacher's question. */
    @Test
    void studentEditionKeepsEverythingButTheMarks() throws Exception {
        for (Chapter teacher : shipped) {
            Chapter student = QuizParser.parse(teacher.file(), StudentEdition.write(teacher, new SecureRandom()));
            assertEquals(teacher.title(), student.title());
            assertEquals(teacher.intro(), student.intro());
            for (int n = 1; n <= teacher.questions().size(); n++) {
                Question t = teacher.question(n);
                Question s = student.question(n);
                assertEquals(List.of(t.id(), t.type(), t.prompt(), t.body(), t.explanation(), t.lab()),
                        List.of(s.id(), s.type(), s.prompt(), s.body(), s.explanation(), s.lab()));
                assertEquals(t.options().stream().map(Option::text).toList(), s.options().stream().map(Option::text).toList());
                assertInstanceOf(AnswerKey.Hashed.class, s.key());
                assertTrue(s.key().revealed().isEmpty());
            }
        }
    }

    /** The file has no marks and no explanation in the clear: reading it does not give answers away. */
    @Test
    void studentEditionTextShowsNoAnswers() {
        for (Chapter teacher : shipped) {
            String text = StudentEdition.write(teacher, new SecureRandom());
            assertFalse(text.toLowerCase(Locale.ROOT).contains("[x]"), teacher.name());
            for (Question q : teacher.questions()) {
                String firstLine = q.explanation().lines().findFirst().orElseThrow();
                assertFalse(text.contains(firstLine), teacher.name() + " " + q.id() + " shows its explanation");
            }
        }
    }

    /** Per-question salts: the same answer to two questions, or one question exported twice, hashes differently. */
    @Test
    void saltsMakeEqualAnswersHashDifferently() {
        SecureRandom random = new SecureRandom();
        Answer b = Answer.of(List.of('b'));
        AnswerKey.Hashed one = AnswerKey.Hashed.of("q-one", b, random);
        AnswerKey.Hashed two = AnswerKey.Hashed.of("q-two", b, random);
        AnswerKey.Hashed again = AnswerKey.Hashed.of("q-one", b, random);
        assertNotEquals(one.hashHex(), two.hashHex());
        assertNotEquals(one.hashHex(), again.hashHex());
        assertTrue(one.accepts("q-one", b));
        assertFalse(one.accepts("q-two", b), "a key must not grade another question's id");
    }

    /** The hash is exactly the documented one, so anyone can check a key by hand. */
    @Test
    void keyIsSha256OfSaltIdNewlineAndSortedLetters() throws Exception {
        byte[] salt = java.util.HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        sha.update(salt);
        byte[] expected = sha.digest("bp-put-full\nac".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(java.util.HexFormat.of().formatHex(expected),
                java.util.HexFormat.of().formatHex(AnswerKey.Hashed.digest(salt, "bp-put-full", Answer.of(List.of('c', 'a')))));
    }

    /** Exporting a student edition again keeps its keys: there is nothing to re-hash. */
    @Test
    void reExportingAStudentEditionKeepsItsKeys() throws Exception {
        Chapter teacher = shipped.getFirst();
        Chapter student = QuizParser.parse(teacher.file(), StudentEdition.write(teacher, new SecureRandom()));
        Chapter again = QuizParser.parse(teacher.file(), StudentEdition.write(student, new SecureRandom()));
        assertEquals(student.questions().stream().map(Question::key).toList(),
                again.questions().stream().map(Question::key).toList());
    }

    /** After a wrong answer the student edition explains, but cannot name the right option. */
    @Test
    void studentVerdictAfterAWrongAnswerOmitsTheRightOne() throws Exception {
        Chapter student = QuizParser.parse(Path.of("01-sample.md"), StudentEdition.write(GradingTest.sample(), new SecureRandom()));
        assertEquals("Not quite: you chose a.\n\nOne and one make two.",
                student.question(1).grade(Answer.of(List.of('a'))).render());
        assertEquals("Correct.\n\nOne and one make two.", student.question(1).grade(Answer.of(List.of('b'))).render());
    }

    private static List<Answer> everyAnswer(int options) {
        List<Answer> answers = new ArrayList<>();
        for (int mask = 1; mask < (1 << options); mask++) {
            List<Character> letters = new ArrayList<>();
            for (int i = 0; i < options; i++) {
                if ((mask & (1 << i)) != 0) {
                    letters.add((char) ('a' + i));
                }
            }
            answers.add(Answer.of(letters));
        }
        return answers;
    }
}
