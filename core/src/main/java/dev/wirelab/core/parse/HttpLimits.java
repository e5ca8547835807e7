package dev.wirelab.core.parse;

/**
 * How much a client may make the server hold before it has a whole request: every number
 * here bounds memory or work that an attacker controls. A request beyond a limit is
 * {@link Malformed} with the matching {@link MalformedReason}, so the server answers with a
 * status and closes, instead of buffering without end.
 *
 * <p>The defaults sit where common servers put theirs (Netty's decoder allows a 4 KiB
 * initial line and 8 KiB of headers; nginx reads headers in 8 KiB buffers, Tomcat caps the
 * head at 8 KiB): generous for real clients, small enough that a thousand slow attackers
 * cost megabytes, not gigabytes.
 *
 * @param maxRequestLineBytes  the request line including its CRLF (and any empty lines
 *                             before it)
 * @param maxHeaderBytes       the header section: every field line with its CRLF, plus the
 *                             final empty line; also bounds a chunked body's trailer section
 * @param maxHeaderCount       field lines in the header section (and in the trailer section)
 * @param maxContentLength     the largest body accepted, declared (Content-Length) or
 *                             decoded (chunked)
 * @param maxChunkLineBytes    one chunk-size line including extensions and CRLF
 */
public record HttpLimits(
        int maxRequestLineBytes,
        int maxHeaderBytes,
        int maxHeaderCount,
        long maxContentLength,
        int maxChunkLineBytes) {

    /** 8 KiB request line, 16 KiB of headers, 100 headers, 8 MiB bodies, 1 KiB chunk lines. */
    public static final HttpLimits DEFAULTS = new HttpLimits(8 * 1024, 16 * 1024, 100, 8L * 1024 * 1024, 1024);

    public HttpLimits {
        requirePositive("maxRequestLineBytes", maxRequestLineBytes);
        requirePositive("maxHeaderBytes", maxHeaderBytes);
        requirePositive("maxHeaderCount", maxHeaderCount);
        requirePositive("maxChunkLineBytes", maxChunkLineBytes);
        if (maxContentLength < 0) {
            throw new IllegalArgumentException("maxContentLength must be >= 0, was " + maxContentLength);
        }
    }

    public HttpLimits withMaxRequestLineBytes(int value) {
        return new HttpLimits(value, maxHeaderBytes, maxHeaderCount, maxContentLength, maxChunkLineBytes);
    }

    public HttpLimits withMaxHeaderBytes(int value) {
        return new HttpLimits(maxRequestLineBytes, value, maxHeaderCount, maxContentLength, maxChunkLineBytes);
    }

    public HttpLimits withMaxHeaderCount(int value) {
        return new HttpLimits(maxRequestLineBytes, maxHeaderBytes, value, maxContentLength, maxChunkLineBytes);
    }

    public HttpLimits withMaxContentLength(long value) {
        return new HttpLimits(maxRequestLineBytes, maxHeaderBytes, maxHeaderCount, value, maxChunkLineBytes);
    }

    public HttpLimits withMaxChunkLineBytes(int value) {
        return new HttpLimits(maxRequestLineBytes, maxHeaderBytes, maxHeaderCount, maxContentLength, value);
    }

    private static void requirePositive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, was " + value);
        }
    }
}
