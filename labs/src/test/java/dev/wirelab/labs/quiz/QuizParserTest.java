package dev.wirelab.labs.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The quiz file format: what parses into what, and the exact error (with line) for each mistake. */
class QuizParserTest {

    private static final Path FILE = Path.of("07-sample.md");

    /** A minimal valid question; the malformed cases below each break one rule of it. */
    private static final String GOOD = """
            # Sample

            ## What is one plus one?
            id: one-plus-one
            type: single

            - [ ] 1
            - [x] 2

            > Arithmetic.
            """;

    @Test
    void parsesEveryPartOfAQuestion() throws Exception {
        Chapter c = QuizParser.parse(FILE, """
                # Sample chapter

                Intro text.

                ## Which lines are options?
                id: fenced-body
                type: multiple
                lab: ./lab tour

                Consider this block:

                ```
                - [x] inside a fence, not an option
                ## inside a fence, not a heading
                ```

                - [x] The first
                - [ ] The second
                - [X] The third

                > First paragraph
                > continues.
                >
                > Second paragraph.

                ## The sky is green.
                id: sky
                type: true-false

                - [ ] True
                - [x] False

                > It is not.
                """);
        assertEquals("07-sample", c.name());
        assertEquals("Sample chapter", c.title());
        assertEquals("Intro text.", c.intro());
        Question q = c.question(1);
        assertEquals(new Question(1, "fenced-body", QuestionType.MULTIPLE, "Which lines are options?",
                "Consider this block:\n\n```\n- [x] inside a fence, not an option\n## inside a fence, not a heading\n```",
                List.of(new Option('a', "The first", true), new Option('b', "The second", false),
                        new Option('c', "The third", true)),
                new AnswerKey.Marked(Answer.of(List.of('a', 'c'))),
                "First paragraph\ncontinues.\n\nSecond paragraph.", Optional.of("./lab tour"), 5), q);
        Question sky = c.question(2);
        assertEquals(QuestionType.TRUE_FALSE, sky.type());
        assertEquals(new AnswerKey.Marked(Answer.of(List.of('b'))), sky.key());
        assertEquals(26, sky.line());
    }

    /** One malformed file, and the problems (line: message) the parser must report for it. */
    record Malformed(String name, String fileName, String text, List<String> problems) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Malformed bad(String name, String text, String... problems) {
        return new Malformed(name, "07-sample.md", text, List.of(problems));
    }

    private static String good(String from, String to) {
        if (!GOOD.contains(from)) {
            throw new IllegalArgumentException("not in GOOD: " + from);
        }
        return GOOD.replace(from, to);
    }

    static Stream<Malformed> malformedFiles() {
        return Stream.of(
                bad("no title", good("# Sample\n", ""),
                        "1: the file must start with a '# ' title line"),
                bad("text before the title", "Hello\n" + GOOD,
                        "1: the file must start with a '# ' title line"),
                bad("second title", GOOD + "\n# Another\n",
                        "12: a second '# ' title; a file is one chapter with one title"),
                bad("no questions", "# Sample\n\nJust an intro.\n",
                        "1: no questions: each question starts with a '## ' heading"),
                bad("empty heading", good("## What is one plus one?", "## "),
                        "3: empty question heading: write the question after '## '"),
                bad("missing id", good("id: one-plus-one\n", ""),
                        "3: question 'What is one plus one?' has no 'id:' line"),
                bad("id with capitals and underscore", good("id: one-plus-one", "id: One_Plus"),
                        "4: id 'One_Plus' must be lower-case letters, digits and single dashes, e.g. bp-full-queue"),
                bad("duplicate id", GOOD + "\n" + GOOD.substring(GOOD.indexOf("## ")),
                        "13: duplicate id 'one-plus-one' (first used on line 4)"),
                bad("second id line", good("id: one-plus-one\n", "id: one-plus-one\nid: two\n"),
                        "5: a second 'id:' line in question 'What is one plus one?'"),
                bad("missing type", good("type: single\n", ""),
                        "3: question 'What is one plus one?' has no 'type:' line (single, multiple or true-false)"),
                bad("unknown type", good("type: single", "type: choice"),
                        "5: unknown type 'choice'; use single, multiple or true-false"),
                bad("one option", good("- [ ] 1\n", ""),
                        "3: question 'one-plus-one' has 1 option(s); it needs at least 2"),
                bad("nine options", good("- [x] 2\n", "- [x] 2\n- [ ] 3\n- [ ] 4\n- [ ] 5\n- [ ] 6\n- [ ] 7\n- [ ] 8\n- [ ] 9\n"),
                        "15: question 'one-plus-one' has 9 options; at most 8 (a to h)"),
                bad("empty option", good("- [ ] 1", "- [ ]"),
                        "7: empty option in question 'one-plus-one'"),
                bad("no correct option", good("- [x] 2", "- [ ] 2"),
                        "3: question 'one-plus-one' has no correct option; mark one with '- [x]'"),
                bad("single choice with two correct", good("- [ ] 1", "- [x] 1"),
                        "3: single question 'one-plus-one' has 2 correct options; mark exactly one, or make it 'type: multiple'"),
                bad("true-false with other options", good("type: single", "type: true-false"),
                        "3: true-false question 'one-plus-one' must have exactly the options True and False, in that order"),
                bad("true-false with both marked", good("type: single", "type: true-false")
                                .replace("- [ ] 1", "- [x] True").replace("- [x] 2", "- [x] False"),
                        "3: true-false question 'one-plus-one' has 2 correct options; mark exactly one, or make it 'type: multiple'"),
                bad("no explanation", good("> Arithmetic.\n", ""),
                        "3: question 'one-plus-one' has no explanation (a '>' block after the options)"),
                bad("stray text among the options", good("- [x] 2\n", "- [x] 2\nthree\n"),
                        "9: expected another option ('- [ ] ...') or the explanation ('> ...')"),
                bad("text after the explanation", GOOD + "Afterthought.\n",
                        "11: text after the explanation; start the next question with '## '"),
                bad("explanation split by a blank line", GOOD + "\n> More.\n",
                        "12: the explanation continues after a blank line; write '>' on the blank line to keep one block"),
                bad("code block after the options", good("> Arithmetic.\n", "```\ncode\n```\n> Arithmetic.\n"),
                        "10: a code block after the options; put code in the question body, before the options"),
                bad("key line and marks together", good("type: single\n", "type: single\nkey: sha256:" + "0".repeat(32) + ":" + "0".repeat(64) + "\n"),
                        "6: question 'one-plus-one' has both a 'key:' line and '[x]' marks; a file is one edition or the other"),
                bad("malformed key", good("type: single\n", "type: single\nkey: md5:1234\n").replace("- [x] 2", "- [ ] 2"),
                        "6: malformed key for question 'one-plus-one'; expected sha256:<32 hex digits>:<64 hex digits>"),
                bad("bad base64 explanation", good("> Arithmetic.", "> base64:%%%"),
                        "3: question 'one-plus-one': the encoded explanation is not valid base64"),
                bad("several problems at once, in line order", good("type: single", "type: choice").replace("> Arithmetic.\n", ""),
                        "3: question 'one-plus-one' has no explanation (a '>' block after the options)",
                        "5: unknown type 'choice'; use single, multiple or true-false"),
                new Malformed("file name without chapter number", "sample.md", GOOD,
                        List.of("1: file name 'sample.md' must look like 05-backpressure.md (two digits, a dash, a lower-case slug)")));
    }

    /** Each mistake is reported with its file and line, in a message that says how to fix it. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedFiles")
    void reportsEachMistakeWithFileAndLine(Malformed m) {
        Path file = Path.of("quizzes", m.fileName());
        QuizFormatException e = assertThrows(QuizFormatException.class, () -> QuizParser.parse(file, m.text()));
        List<String> expected = m.problems().stream().map(p -> file + ":" + p).toList();
        assertEquals(expected, e.problems().stream().map(QuizFormatException.Problem::toString).toList());
        assertEquals(String.join("\n", expected), e.getMessage());
    }

    /** Control for the table above: the unbroken template parses. */
    @Test
    void theTemplateItselfIsValid() throws Exception {
        assertEquals(1, QuizParser.parse(FILE, GOOD).questions().size());
    }
}
