package dev.wirelab.core.protocol;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The {@code Date} field, formatted at most once a second and shared by every connection:
 * formatting a date per response would allocate several objects per request, and the value
 * only changes once a second anyway (RFC 9110 section 6.6.1 asks for second precision).
 *
 * <p>One volatile reference to an immutable stamp: a reader sees a second and its field
 * together or not at all. Two threads that notice a new second at once both format it;
 * harmless, and cheaper than a lock on every request.
 */
final class HttpDate {

    /** IMF-fixdate: {@code Sun, 06 Nov 1994 08:49:37 GMT}. */
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private record Stamp(long second, EncodedField field) {
    }

    private static volatile Stamp current = new Stamp(-1, null);

    private HttpDate() {
    }

    /** {@code Date: <now>} as an encoded field; a new one at most once per second. */
    static EncodedField now() {
        long second = System.currentTimeMillis() / 1000;
        Stamp stamp = current;
        if (stamp.second() != second) {
            stamp = new Stamp(second, EncodedField.of("Date",
                    IMF_FIXDATE.format(Instant.ofEpochSecond(second))));
            current = stamp;
        }
        return stamp.field();
    }
}
