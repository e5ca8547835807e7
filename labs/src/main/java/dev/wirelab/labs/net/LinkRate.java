package dev.wirelab.labs.net;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A link's rate in {@code tc}'s own spelling ({@code 100mbit}, {@code 1gbit}), and what a
 * token bucket needs to enforce it.
 *
 * <p>A token bucket filter ({@code tbf}) lets bytes out as long as it holds tokens; tokens
 * come back at the rate. Two sizes matter: the <em>burst</em> (how many bytes may leave at
 * once; it must at least cover what arrives between two timer ticks, or the rate is never
 * reached) and the <em>latency</em> (how long a packet may wait in the queue before it is
 * dropped, which fixes the queue's length in bytes). The queue is where a sender that sends
 * too fast piles up its data: a deep queue adds delay, a shallow one drops.
 *
 * @param bitsPerSecond the rate
 * @param text          as the user gave it, e.g. {@code 1gbit}
 */
public record LinkRate(long bitsPerSecond, String text) {

    private static final Pattern RATE = Pattern.compile("(\\d{1,7})(kbit|mbit|gbit)");

    /** How long a packet may wait in the bucket's queue before it is dropped. */
    public static final int QUEUE_MILLIS = 20;

    public static LinkRate parse(String text) {
        Matcher m = RATE.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("rate '" + text + "' is not like 100mbit or 1gbit (kbit, mbit, gbit)");
        }
        long unit = switch (m.group(2)) {
            case "kbit" -> 1_000L;
            case "mbit" -> 1_000_000L;
            default -> 1_000_000_000L;
        };
        long bits = Long.parseLong(m.group(1)) * unit;
        if (bits < 64_000 || bits > 100_000_000_000L) {
            throw new IllegalArgumentException("rate '" + text + "' must be between 64kbit and 100gbit");
        }
        return new LinkRate(bits, m.group(1) + m.group(2));
    }

    public long bytesPerSecond() {
        return bitsPerSecond / 8;
    }

    /**
     * The bucket's size: 4 ms of traffic, and never less than 64 KiB, because veth hands
     * tbf whole 64 KiB segments (GSO) and a bucket smaller than one segment would cut it up.
     */
    public long burstBytes() {
        return Math.max(64 * 1024, bytesPerSecond() / 250);
    }

    /** The bandwidth-delay product: the bytes in flight that keep this link busy for one round trip. */
    public long bdpBytes(double rttSeconds) {
        return Math.round(bytesPerSecond() * rttSeconds);
    }

    /** The {@code tc} arguments after {@code root}: {@code tbf rate 1gbit burst 262144 latency 20ms}. */
    public String[] tbfArgs() {
        return new String[] {"tbf", "rate", text, "burst", Long.toString(burstBytes()), "latency", QUEUE_MILLIS + "ms"};
    }
}
