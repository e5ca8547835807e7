package dev.wirelab.core.protocol;

/**
 * One header field, decoded. Used where a request or response must outlive the buffer it
 * came from; the parser itself hands out views, not these.
 */
public record HttpField(String name, String value) {

    public HttpField {
        if (name.isEmpty() || !name.chars().allMatch(HttpField::isTchar)) {
            throw new IllegalArgumentException("field name must be a token: \"" + name + "\"");
        }
        // CR or LF in a value would end the line early: "response splitting", where a
        // value smuggles extra fields or a second response into the output.
        if (value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0 || c > 0xFF)) {
            throw new IllegalArgumentException("field value of " + name + " contains CR, LF, NUL or a non-Latin-1 char");
        }
    }

    boolean nameIs(String other) {
        return name.equalsIgnoreCase(other);
    }

    private static boolean isTchar(int c) {
        return c < 0x80 && (Character.isLetterOrDigit(c) || "!#$%&'*+-.^_`|~".indexOf(c) >= 0);
    }
}
