package dev.wirelab.core.parse;

/** The HTTP/1.x versions the request parser accepts (RFC 9112 section 2.3). */
public enum HttpVersion {
    HTTP_1_0("HTTP/1.0"),
    HTTP_1_1("HTTP/1.1");

    private final String text;

    HttpVersion(String text) {
        this.text = text;
    }

    /** The version exactly as it appears on the wire, e.g. {@code HTTP/1.1}. */
    public String text() {
        return text;
    }
}
