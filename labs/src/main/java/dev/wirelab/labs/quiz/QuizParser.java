package dev.wirelab.labs.quiz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one quiz file (the format is specified in {@code quizzes/README.md}) and checks it.
 *
 * <pre>
 *   # Title                        one, first
 *   intro ...                      optional
 *   ## Question prompt?            starts a question
 *   id: some-id                    metadata lines: id and type required,
 *   type: single                   lab optional, key only in a student edition
 *   body ...                       optional Markdown, code fences kept verbatim
 *   - [x] right option             2 to 8 options, lettered a, b, c, ...
 *   - [ ] wrong option
 *   &gt; explanation ...              required '&gt;' block
 * </pre>
 *
 * <p>The parser is a small line-by-line state machine (title, metadata, body, options,
 * explanation). It never stops at the first mistake: it records each problem with its line
 * and carries on, then throws one {@link QuizFormatException} listing them all.
 */
public final class QuizParser {

    /** Options are lettered a to h. */
    public static final int MAX_OPTIONS = 8;

    private static final Pattern FILE_NAME = Pattern.compile("\\d{2}-[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern OPTION = Pattern.compile("- \\[([ xX])\\](.*)");
    private static final Pattern META = Pattern.compile("(id|type|lab|key):(.*)");
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final String ENCODED = "base64:";

    private enum Phase { META, BODY, OPTIONS, EXPLANATION, AFTER }

    private final Path file;
    private final List<QuizFormatException.Problem> problems = new ArrayList<>();
    private final List<Question> questions = new ArrayList<>();
    private final Map<String, Integer> firstUseOfId = new HashMap<>();
    private String title;
    private boolean reportedNoTitle;
    private final StringBuilder intro = new StringBuilder();
    private Draft draft;
    private boolean inFence;

    private QuizParser(Path file) {
        this.file = file;
    }

    /** Reads and checks {@code file}. */
    public static Chapter parse(Path file) throws IOException, QuizFormatException {
        return parse(file, Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Checks {@code text} as if it were the contents of {@code file} (the name matters: it is the chapter's name). */
    public static Chapter parse(Path file, String text) throws QuizFormatException {
        return new QuizParser(file).run(text);
    }

    private Chapter run(String text) throws QuizFormatException {
        String name = chapterName(file);
        if (!FILE_NAME.matcher(name).matches()) {
            problem(1, "file name '" + file.getFileName() + "' must look like 05-backpressure.md (two digits, a dash, a lower-case slug)");
        }
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            line(i + 1, lines.get(i));
        }
        finishQuestion();
        if (title == null && !reportedNoTitle) {
            problem(1, "the file must start with a '# ' title line");
        }
        if (questions.isEmpty() && problems.isEmpty()) {
            problem(1, "no questions: each question starts with a '## ' heading");
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(QuizFormatException.Problem::line));
            throw new QuizFormatException(problems);
        }
        return new Chapter(name, title, intro.toString().strip(), file, questions);
    }

    static String chapterName(Path file) {
        String fileName = file.getFileName().toString();
        return fileName.endsWith(".md") ? fileName.substring(0, fileName.length() - 3) : fileName;
    }

    // ---- the state machine: one call per line ----

    private void line(int n, String text) {
        // Inside a code fence nothing is markup: keep the line where we are.
        if (text.startsWith("```")) {
            inFence = !inFence;
            keepAsText(n, text);
            return;
        }
        if (inFence) {
            keepAsText(n, text);
            return;
        }
        if (text.startsWith("## ")) {
            finishQuestion();
            draft = new Draft(n, text.substring(3).strip());
            return;
        }
        if (text.startsWith("# ")) {
            if (title != null) {
                problem(n, "a second '# ' title; a file is one chapter with one title");
            } else if (draft != null) {
                problem(n, "the '# ' title must come before the first question");
            } else {
                title = text.substring(2).strip();
            }
            return;
        }
        if (draft == null) {
            beforeFirstQuestion(n, text);
        } else {
            inQuestion(n, text);
        }
    }

    private void beforeFirstQuestion(int n, String text) {
        if (title == null) {
            if (!text.isBlank() && !reportedNoTitle) {
                problem(n, "the file must start with a '# ' title line");
                reportedNoTitle = true;
            }
            return;
        }
        intro.append(text).append('\n');
    }

    private void inQuestion(int n, String text) {
        switch (draft.phase) {
            case META -> meta(n, text);
            case BODY -> body(n, text);
            case OPTIONS -> options(n, text);
            case EXPLANATION -> explanation(n, text);
            case AFTER -> after(n, text);
        }
    }

    private void meta(int n, String text) {
        if (text.isBlank()) {
            return;
        }
        Matcher m = META.matcher(text);
        if (!m.matches()) {
            draft.phase = Phase.BODY;
            body(n, text);
            return;
        }
        String key = m.group(1);
        if (draft.meta.containsKey(key)) {
            problem(n, "a second '" + key + ":' line in question '" + draft.prompt + "'");
            return;
        }
        draft.meta.put(key, m.group(2).strip());
        draft.metaLine.put(key, n);
    }

    private void body(int n, String text) {
        if (OPTION.matcher(text).matches()) {
            draft.phase = Phase.OPTIONS;
            options(n, text);
            return;
        }
        draft.body.append(text).append('\n');
    }

    private void options(int n, String text) {
        Matcher m = OPTION.matcher(text);
        if (m.matches()) {
            draft.options.add(new DraftOption(n, m.group(2).strip(), !m.group(1).equals(" ")));
        } else if (text.startsWith(">")) {
            draft.phase = Phase.EXPLANATION;
            explanation(n, text);
        } else if (!text.isBlank()) {
            problem(n, "expected another option ('- [ ] ...') or the explanation ('> ...')");
        }
    }

    private void explanation(int n, String text) {
        if (text.startsWith(">")) {
            draft.explanation.add(text.length() > 1 && text.charAt(1) == ' ' ? text.substring(2) : text.substring(1));
        } else if (text.isBlank()) {
            draft.phase = Phase.AFTER;
        } else {
            after(n, text);
        }
    }

    private void after(int n, String text) {
        if (text.startsWith(">")) {
            problem(n, "the explanation continues after a blank line; write '>' on the blank line to keep one block");
        } else if (!text.isBlank()) {
            problem(n, "text after the explanation; start the next question with '## '");
        }
    }

    private void keepAsText(int n, String text) {
        if (draft == null) {
            beforeFirstQuestion(n, text);
        } else if (draft.phase == Phase.META || draft.phase == Phase.BODY) {
            draft.phase = Phase.BODY;
            draft.body.append(text).append('\n');
        } else if (inFence && text.startsWith("```")) {
            // Reported once, at the opening fence.
            problem(n, "a code block after the options; put code in the question body, before the options");
        }
    }

    // ---- checking one finished question ----

    private void finishQuestion() {
        if (draft == null) {
            return;
        }
        Draft d = draft;
        draft = null;
        inFence = false;
        int before = problems.size();
        if (d.prompt.isEmpty()) {
            problem(d.line, "empty question heading: write the question after '## '");
        }
        String id = checkId(d);
        QuestionType type = checkType(d); // null when missing or unknown (already reported)
        List<Option> options = checkOptions(d, id);
        AnswerKey key = checkKey(d, id, type, options);
        String explanation = checkExplanation(d, id);
        if (problems.size() == before) {
            Optional<String> lab = Optional.ofNullable(d.meta.get("lab")).filter(s -> !s.isEmpty());
            questions.add(new Question(questions.size() + 1, id, type, d.prompt, d.body.toString().strip(),
                    options, key, explanation, lab, d.line));
        }
    }

    private String checkId(Draft d) {
        String id = d.meta.get("id");
        if (id == null) {
            problem(d.line, "question '" + d.prompt + "' has no 'id:' line");
            return "?";
        }
        int line = d.metaLine.get("id");
        if (!ID.matcher(id).matches()) {
            problem(line, "id '" + id + "' must be lower-case letters, digits and single dashes, e.g. bp-full-queue");
        }
        Integer first = firstUseOfId.putIfAbsent(id, line);
        if (first != null) {
            problem(line, "duplicate id '" + id + "' (first used on line " + first + ")");
        }
        return id;
    }

    private QuestionType checkType(Draft d) {
        String word = d.meta.get("type");
        if (word == null) {
            problem(d.line, "question '" + d.prompt + "' has no 'type:' line (single, multiple or true-false)");
            return null;
        }
        Optional<QuestionType> type = QuestionType.fromWord(word);
        if (type.isEmpty()) {
            problem(d.metaLine.get("type"), "unknown type '" + word + "'; use single, multiple or true-false");
        }
        // Without a known type the rules that depend on it are skipped: one mistake, one message.
        return type.orElse(null);
    }

    private List<Option> checkOptions(Draft d, String id) {
        List<Option> options = new ArrayList<>();
        for (DraftOption o : d.options) {
            if (o.text.isEmpty()) {
                problem(o.line, "empty option in question '" + id + "'");
            }
            options.add(new Option((char) ('a' + options.size()), o.text, o.marked));
        }
        if (options.size() < 2) {
            problem(d.line, "question '" + id + "' has " + options.size() + " option(s); it needs at least 2");
        } else if (options.size() > MAX_OPTIONS) {
            problem(d.options.get(MAX_OPTIONS).line, "question '" + id + "' has " + options.size()
                    + " options; at most " + MAX_OPTIONS + " (a to h)");
        }
        return options;
    }

    private AnswerKey checkKey(Draft d, String id, QuestionType type, List<Option> options) {
        TreeSet<Character> marked = new TreeSet<>();
        options.stream().filter(Option::marked).forEach(o -> marked.add(o.letter()));
        if (type == QuestionType.TRUE_FALSE && options.size() >= 2 && !isTrueFalse(options)) {
            problem(d.line, "true-false question '" + id + "' must have exactly the options True and False, in that order");
        }
        String keyLine = d.meta.get("key");
        if (keyLine != null) {
            return checkHashedKey(d, id, marked, keyLine);
        }
        if (marked.isEmpty()) {
            problem(d.line, "question '" + id + "' has no correct option; mark one with '- [x]'");
        } else if (marked.size() > 1 && type != null && type != QuestionType.MULTIPLE) {
            problem(d.line, type.word() + " question '" + id + "' has " + marked.size()
                    + " correct options; mark exactly one, or make it 'type: multiple'");
        }
        return new AnswerKey.Marked(Answer.of(marked));
    }

    private AnswerKey checkHashedKey(Draft d, String id, TreeSet<Character> marked, String keyLine) {
        int line = d.metaLine.get("key");
        if (!marked.isEmpty()) {
            problem(line, "question '" + id + "' has both a 'key:' line and '[x]' marks; a file is one edition or the other");
        }
        Optional<AnswerKey.Hashed> hashed = AnswerKey.Hashed.parse(keyLine);
        if (hashed.isEmpty()) {
            problem(line, "malformed key for question '" + id + "'; expected sha256:<32 hex digits>:<64 hex digits>");
            return new AnswerKey.Marked(Answer.of(marked));
        }
        return hashed.get();
    }

    private static boolean isTrueFalse(List<Option> options) {
        return options.size() == 2
                && options.get(0).text().equalsIgnoreCase("True")
                && options.get(1).text().equalsIgnoreCase("False");
    }

    private String checkExplanation(Draft d, String id) {
        String text = String.join("\n", d.explanation).strip();
        if (text.isEmpty()) {
            problem(d.line, "question '" + id + "' has no explanation (a '>' block after the options)");
            return text;
        }
        if (!text.startsWith(ENCODED)) {
            return text;
        }
        // A student edition: the explanation is base64 so that reading the file does not give the answer away.
        String encoded = text.substring(ENCODED.length()).replaceAll("\\s", "");
        try {
            return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            problem(d.line, "question '" + id + "': the encoded explanation is not valid base64");
            return text;
        }
    }

    private void problem(int line, String message) {
        problems.add(new QuizFormatException.Problem(file, line, message));
    }

    /** A question while it is being read. */
    private static final class Draft {
        final int line;
        final String prompt;
        final Map<String, String> meta = new HashMap<>();
        final Map<String, Integer> metaLine = new HashMap<>();
        final StringBuilder body = new StringBuilder();
        final List<DraftOption> options = new ArrayList<>();
        final List<String> explanation = new ArrayList<>();
        Phase phase = Phase.META;

        Draft(int line, String prompt) {
            this.line = line;
            this.prompt = prompt;
        }
    }

    private record DraftOption(int line, String text, boolean marked) {
    }
}
