package dev.wirelab.core.parse;

/**
 * The character classes of RFC 9110 section 5.6 and the field-line check both
 * {@link HttpRequestParser} (headers) and {@link ChunkedDecoder} (trailers) need.
 * Lookup tables, so a check is one array load, not a chain of comparisons.
 */
final class HttpSyntax {

    static final int CR = '\r';
    static final int LF = '\n';
    static final int SP = ' ';
    static final int HTAB = '\t';

    /** tchar: the characters of a token (method, field name, coding, extension name). */
    private static final boolean[] TCHAR = new boolean[256];

    static {
        for (int c = '0'; c <= '9'; c++) {
            TCHAR[c] = true;
        }
        for (int c = 'A'; c <= 'Z'; c++) {
            TCHAR[c] = true;
            TCHAR[c + 32] = true;
        }
        for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
            TCHAR[c] = true;
        }
    }

    private HttpSyntax() {
    }

    static boolean isTchar(int b) {
        return TCHAR[b];
    }

    static boolean isWhitespace(int b) {
        return b == SP || b == HTAB;
    }

    /** field-content: visible ASCII, obs-text (0x80-0xFF), space and tab; no CTL, no DEL. */
    static boolean isFieldContent(int b) {
        return b >= 0x20 && b != 0x7F || b == HTAB;
    }

    /** Visible ASCII: what the lab accepts in a request target (RFC 3986 is stricter still). */
    static boolean isVisibleAscii(int b) {
        return b > 0x20 && b < 0x7F;
    }

    /** The value of a hex digit, or -1. */
    static int hexValue(int b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        int lower = b | 0x20;
        return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
    }

    /** The first index in {@code [from, to)} that is not SP or HTAB. */
    static int skipWhitespace(WireBytes bytes, int from, int to) {
        int i = from;
        while (i < to && isWhitespace(bytes.u8(i))) {
            i++;
        }
        return i;
    }

    /**
     * Checks the line ending of the line whose LF is at {@code lf} and that started at
     * {@code lineStart}: the LF needs a CR before it, and no other CR may appear. Returns
     * the offending index, or -1 when the line is clean. Sets nothing.
     */
    static int badLineEnding(WireBytes bytes, int lineStart, int lf) {
        if (lf == lineStart || bytes.u8(lf - 1) != CR) {
            return lf;
        }
        return bytes.indexOf(CR, lineStart, lf - 1);
    }

    /**
     * A reusable scanner for one field line ({@code name ":" OWS value OWS}, RFC 9112
     * section 5). After {@link #scan} returns null the four offsets frame the name and the
     * value with the optional whitespace trimmed; otherwise {@link #errorOffset} says where.
     */
    static final class FieldLine {
        int nameStart;
        int nameEnd;
        int valueStart;
        int valueEnd;
        int errorOffset;

        /** Scans {@code [start, end)}, the line without its CRLF; returns null or the rule broken. */
        MalformedReason scan(WireBytes bytes, int start, int end) {
            // Phase 1: a line that starts with whitespace continues the previous one (obs-fold).
            if (isWhitespace(bytes.u8(start))) {
                return fail(MalformedReason.OBS_FOLD, start);
            }
            // Phase 2: the name is a token, and the colon follows it at once.
            int notTchar = bytes.indexOfNonTchar(start, end);
            int i = notTchar < 0 ? end : notTchar;
            if (i < end && isWhitespace(bytes.u8(i))) {
                int afterSpace = skipWhitespace(bytes, i, end);
                boolean colonFollows = afterSpace < end && bytes.u8(afterSpace) == ':';
                return fail(colonFollows ? MalformedReason.WHITESPACE_BEFORE_COLON : MalformedReason.INVALID_HEADER_NAME, i);
            }
            if (i == start || i == end || bytes.u8(i) != ':') {
                return fail(MalformedReason.INVALID_HEADER_NAME, i);
            }
            nameStart = start;
            nameEnd = i;
            // Phase 3: the value, without the optional whitespace around it. Every byte must be
            // field content: one search for a control byte (a scanner call, see HttpScanner),
            // then the trailing whitespace is trimmed from the end.
            int from = skipWhitespace(bytes, i + 1, end);
            int bad = bytes.indexOfControl(from, end);
            if (bad >= 0) {
                return fail(MalformedReason.INVALID_HEADER_VALUE, bad);
            }
            int to = end;
            while (to > from && isWhitespace(bytes.u8(to - 1))) {
                to--;
            }
            valueStart = from;
            valueEnd = to;
            return null;
        }

        private MalformedReason fail(MalformedReason reason, int at) {
            errorOffset = at;
            return reason;
        }
    }
}
