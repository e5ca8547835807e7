package dev.wirelab.labs.quiz;

import java.util.Collection;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A set of selected option letters in canonical form: lower case, sorted, no repeats.
 * {@code "c, A"} and {@code "ac"} are the same answer, {@code "ac"}.
 */
public record Answer(SortedSet<Character> letters) {

    public Answer {
        letters = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(letters));
    }

    public static Answer of(Collection<Character> letters) {
        return new Answer(new TreeSet<>(letters));
    }

    /** The canonical spelling: the letters in order with nothing between them, e.g. {@code "ac"}. */
    public String canonical() {
        return letters.stream().map(String::valueOf).collect(Collectors.joining());
    }

    /** The spelling shown to people, e.g. {@code "a, c"}. */
    @Override
    public String toString() {
        return letters.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
