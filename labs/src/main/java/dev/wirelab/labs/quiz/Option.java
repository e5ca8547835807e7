package dev.wirelab.labs.quiz;

/**
 * One answer option of a question.
 *
 * @param letter the letter the student types, {@code 'a'} for the first option
 * @param text   the option as written after {@code - [ ]}
 * @param marked whether the file marks it correct ({@code - [x]}); always false in a student edition
 */
public record Option(char letter, String text, boolean marked) {
}
