package dev.wirelab.core.protocol;

import java.nio.charset.StandardCharsets;

/**
 * A response header field checked and encoded once ({@code "Name: value\r\n"}), so that
 * writing it costs one array copy and no allocation: how the plaintext route stays at zero
 * bytes per request. Made only by {@link #of}, which applies {@link HttpField}'s rules (a
 * token name; no CR, LF or NUL in the value, so no response splitting) and refuses the
 * framing fields, which belong to the connection driver.
 */
public final class EncodedField {

    private final String name;
    private final String value;
    private final byte[] bytes;

    private EncodedField(String name, String value) {
        this.name = name;
        this.value = value;
        this.bytes = (name + ": " + value + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    public static EncodedField of(String name, String value) {
        HttpField field = new HttpField(name, value);
        if (field.nameIs("Content-Length") || field.nameIs("Transfer-Encoding") || field.nameIs("Connection")) {
            throw new IllegalArgumentException(name + " is set by the connection driver, not the handler");
        }
        return new EncodedField(name, value);
    }

    public String name() {
        return name;
    }

    public String value() {
        return value;
    }

    byte[] bytes() {
        return bytes;
    }

    @Override
    public String toString() {
        return name + ": " + value;
    }
}
