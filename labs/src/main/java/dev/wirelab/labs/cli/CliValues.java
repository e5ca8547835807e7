package dev.wirelab.labs.cli;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.wirelab.core.protocol.Protocol;
import picocli.CommandLine;

/**
 * The value formats the lab's options accept, with one clear message for anything else:
 * durations ({@code 500ms}, {@code 10s}, {@code 2m}), byte sizes ({@code 64}, {@code 16k},
 * {@code 1m}, binary units) and addresses ({@code 127.0.0.1:7007}, {@code [::1]:7007}).
 */
final class CliValues {

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)?");
    private static final Pattern SIZE = Pattern.compile("(\\d+)(b|k|kib|m|mib)?");
    private static final Pattern HOST_PORT = Pattern.compile("(?:\\[([0-9a-fA-F:.]+)]|([^:\\s]+)):(\\d{1,5})");

    private CliValues() {
    }

    /** {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}; a bare number means seconds; {@code 0} is zero. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String text) {
            Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                throw new CommandLine.TypeConversionException("'" + text + "' is not a duration: use e.g. 500ms, 10s, 2m");
            }
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            return switch (unit) {
                case "ms" -> Duration.ofMillis(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofSeconds(n);
            };
        }
    }

    /** {@code 64}, {@code 16k} (16 KiB), {@code 1m} (1 MiB). */
    /** {@code echo} or {@code http}; anything else is one line naming the choices. */
    static final class ProtocolConverter implements CommandLine.ITypeConverter<Protocol> {
        @Override
        public Protocol convert(String text) {
            try {
                return Protocol.parse(text);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    static final class SizeConverter implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String text) {
            Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
            if (!m.matches() || m.group(1).length() > 9) {
                throw new CommandLine.TypeConversionException("'" + text + "' is not a size in bytes: use e.g. 64, 16k, 1m");
            }
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "b" : m.group(2);
            long bytes = switch (unit) {
                case "k", "kib" -> n * 1024;
                case "m", "mib" -> n * 1024 * 1024;
                default -> n;
            };
            if (bytes > Integer.MAX_VALUE) {
                throw new CommandLine.TypeConversionException("'" + text + "' is too large (at most 2 GiB)");
            }
            return (int) bytes;
        }
    }

    /** {@code HOST:PORT}, with IPv6 addresses in brackets. Resolves the host (loopback names need no DNS). */
    static InetSocketAddress hostPort(String text) {
        Matcher m = HOST_PORT.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not HOST:PORT (e.g. 127.0.0.1:7007 or [::1]:7007)");
        }
        String host = m.group(1) != null ? m.group(1) : m.group(2);
        int port = Integer.parseInt(m.group(3));
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be 1..65535 in '" + text + "'");
        }
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("cannot resolve host '" + host + "'");
        }
        return address;
    }

    /** {@code 127.0.0.1:7007}: the numeric form users can paste into {@code lab load} or {@code nc}. */
    static String text(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
