package dev.wirelab.labs.quiz;

import java.util.List;

/** Renders questions and chapter lists as plain text, the same way for the terminal and notebooks. */
public final class QuizText {

    private QuizText() {
    }

    /**
     * A question as the student sees it:
     * <pre>
     * Question 3 of 9 · multiple choice: pick every correct option
     * Which of these ...?
     *
     *   a) ...
     *   b) ...
     * </pre>
     */
    public static String question(Chapter chapter, Question q) {
        StringBuilder text = new StringBuilder()
                .append("Question ").append(q.number()).append(" of ").append(chapter.questions().size())
                .append(" · ").append(q.type().instruction()).append('\n')
                .append(q.prompt()).append('\n');
        if (!q.body().isEmpty()) {
            text.append('\n').append(q.body()).append('\n');
        }
        text.append('\n');
        for (Option o : q.options()) {
            text.append("  ").append(o.letter()).append(") ").append(o.text()).append('\n');
        }
        return text.toString();
    }

    /** One line per chapter: name, title, question count. */
    public static String chapterList(List<Chapter> chapters) {
        int width = chapters.stream().mapToInt(c -> c.name().length()).max().orElse(10);
        StringBuilder text = new StringBuilder();
        for (Chapter c : chapters) {
            text.append(String.format("  %-" + width + "s  %-48s %2d questions%s%n", c.name(), c.title(),
                    c.questions().size(), c.studentEdition() ? " (student edition)" : ""));
        }
        return text.toString();
    }
}
