package dev.wirelab.core.parse;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Shared helpers for the HTTP parser tests: building requests, feeding them in pieces, describing results. */
final class HttpSamples {

    private HttpSamples() {
    }

    /** One char per byte, so test strings can carry obs-text (0x80-0xFF) and control bytes. */
    static byte[] bytes(String latin1) {
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A one-line summary of a result that two parses can be compared by. */
    static String describe(HttpParseResult result) {
        return switch (result) {
            case HttpParseResult.Complete c -> "Complete consumed=" + c.consumed() + " framing=" + c.framing() + "\n" + c.head();
            case NeedMore n -> "NeedMore";
            case Malformed m -> "Malformed " + m.reason() + " @" + m.offset();
        };
    }

    /** Parses the bytes as one read. */
    static String whole(HttpLimits limits, byte[] request) {
        return whole(HttpScanners.chosen(), limits, request);
    }

    /** Parses the bytes as one read, searching with {@code scanner}. */
    static String whole(HttpScanner scanner, HttpLimits limits, byte[] request) {
        return describe(new HttpRequestParser(limits, scanner).parse(ByteBuffer.wrap(request)));
    }

    /**
     * Feeds {@code [0, split)} and then everything, the way a connection buffer grows between
     * reads; between the two calls the bytes are moved to another buffer at another offset,
     * as a server that compacts or grows its buffer would.
     */
    static String split(HttpLimits limits, byte[] request, int split) {
        return split(HttpScanners.chosen(), limits, request, split);
    }

    /** {@link #split(HttpLimits, byte[], int)}, searching with {@code scanner}. */
    static String split(HttpScanner scanner, HttpLimits limits, byte[] request, int split) {
        HttpRequestParser parser = new HttpRequestParser(limits, scanner);
        ByteBuffer first = ByteBuffer.wrap(request, 0, split).slice();
        HttpParseResult result = parser.parse(first);
        if (!(result instanceof NeedMore)) {
            return describe(result);
        }
        ByteBuffer moved = ByteBuffer.allocate(request.length + 7);
        moved.position(7).put(request).flip().position(7);
        return describe(parser.parse(moved));
    }

    /** Feeds one more byte per call until the parser stops asking for more. */
    static String byteByByte(HttpLimits limits, byte[] request) {
        return byteByByte(HttpScanners.chosen(), limits, request);
    }

    /** {@link #byteByByte(HttpLimits, byte[])}, searching with {@code scanner}. */
    static String byteByByte(HttpScanner scanner, HttpLimits limits, byte[] request) {
        HttpRequestParser parser = new HttpRequestParser(limits, scanner);
        ByteBuffer buffer = ByteBuffer.wrap(request);
        HttpParseResult result = NeedMore.INSTANCE;
        for (int end = 0; end <= request.length && result instanceof NeedMore; end++) {
            buffer.limit(end);
            result = parser.parse(buffer);
        }
        return describe(result);
    }

    // ---- random requests for round trips and fuzzing ----

    private static final String TCHARS = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /** A request as the test means it; {@link #wire()} serialises it. */
    record Sample(String method, String target, HttpVersion version, List<String[]> headers, BodyFraming framing) {
        String wire() {
            StringBuilder out = new StringBuilder(method).append(' ').append(target).append(' ').append(version.text()).append("\r\n");
            for (String[] field : headers) {
                out.append(field[0]).append(':').append(field[2]).append(field[1]).append(field[2]).append("\r\n");
            }
            return out.append("\r\n").toString();
        }
    }

    static Sample randomSample(Random random) {
        String method = random.nextInt(3) == 0 ? token(random, 1 + random.nextInt(10))
                : List.of("GET", "POST", "PUT", "DELETE", "PATCH").get(random.nextInt(5));
        StringBuilder target = new StringBuilder("/");
        for (int i = random.nextInt(30); i > 0; i--) {
            target.append((char) (0x21 + random.nextInt(0x5E)));
        }
        HttpVersion version = random.nextInt(4) == 0 ? HttpVersion.HTTP_1_0 : HttpVersion.HTTP_1_1;
        List<String[]> headers = new ArrayList<>();
        if (version == HttpVersion.HTTP_1_1 || random.nextBoolean()) {
            headers.add(field(random, "Host", "example.test:" + random.nextInt(65536)));
        }
        for (int i = random.nextInt(12); i > 0; i--) {
            headers.add(field(random, "X-" + token(random, 1 + random.nextInt(12)), value(random)));
        }
        BodyFraming framing = switch (random.nextInt(3)) {
            case 0 -> BodyFraming.NONE;
            case 1 -> new BodyFraming.ContentLength(random.nextInt(100_000));
            default -> version == HttpVersion.HTTP_1_1 ? BodyFraming.CHUNKED : BodyFraming.NONE;
        };
        switch (framing) {
            case BodyFraming.None none -> { }
            case BodyFraming.ContentLength length ->
                    headers.add(random.nextInt(headers.size() + 1), field(random, "content-LENGTH", Long.toString(length.length())));
            case BodyFraming.Chunked chunked ->
                    headers.add(random.nextInt(headers.size() + 1), field(random, "Transfer-Encoding", "Chunked"));
        }
        return new Sample(method, target.toString(), version, headers, framing);
    }

    private static String[] field(Random random, String name, String value) {
        return new String[] {name, value, List.of("", " ", "\t", "  ").get(random.nextInt(4))};
    }

    static String token(Random random, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(TCHARS.charAt(random.nextInt(TCHARS.length())));
        }
        return out.toString();
    }

    /** field-content: visible ASCII and obs-text, spaces and tabs inside but not at the ends. */
    private static String value(Random random) {
        StringBuilder out = new StringBuilder();
        for (int i = random.nextInt(40); i > 0; i--) {
            int kind = random.nextInt(10);
            out.append(kind == 0 ? ' ' : kind == 1 ? '\t' : kind == 2 ? (char) (0x80 + random.nextInt(0x80)) : (char) (0x21 + random.nextInt(0x5E)));
        }
        return out.toString().replaceAll("^[ \t]+|[ \t]+$", "");
    }
}
