package dev.wirelab.labs.tune;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One TCP socket's buffer sizes as the kernel holds them ({@code sk_sndbuf}, {@code sk_rcvbuf}),
 * read with {@code ss -tm} for both ends of every established connection to a port. This is how
 * the tune experiment checks that a buffer setting reached both ends of its connections,
 * and what the kernel made of it: Linux doubles the value asked for (the extra half is its
 * bookkeeping, see socket(7)) and caps it at {@code net.core.wmem_max}/{@code rmem_max}.
 *
 * @param send    the send buffer in bytes
 * @param receive the receive buffer in bytes
 */
public record SocketBuffers(int send, int receive) {

    private static final Pattern SKMEM = Pattern.compile("skmem:\\(.*?rb(\\d+),.*?tb(\\d+),");

    /**
     * Both ends of every established connection to one port, read in one {@code ss} call so the
     * two sides are seen at the same moment.
     *
     * @param server the sockets whose local port is the port (the server's ends)
     * @param client the sockets whose remote port is the port (the clients' ends)
     */
    public record Ends(List<SocketBuffers> server, List<SocketBuffers> client) {
        public static final Ends NONE = new Ends(List.of(), List.of());
    }

    /** Both ends of the connections to {@code port}; {@link Ends#NONE} when {@code ss} is missing or fails. */
    public static Ends read(int port) {
        String filter = "( sport = :" + port + " or dport = :" + port + " )";
        try {
            Process ss = new ProcessBuilder("ss", "-tmnH", "state", "established", filter).redirectErrorStream(true).start();
            String output = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!ss.waitFor(10, TimeUnit.SECONDS) || ss.exitValue() != 0) {
                return Ends.NONE;
            }
            return parse(output, port);
        } catch (IOException e) {
            return Ends.NONE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Ends.NONE;
        }
    }

    /**
     * Reads {@code ss -tmnH} output: a socket line ({@code Recv-Q Send-Q local:port peer:port})
     * with its {@code skmem:(r0,rb16384,t0,tb16384,...)} on the same line or the next; a socket whose local port
     * is {@code port} is a server end, any other a client end.
     */
    static Ends parse(String ssOutput, int port) {
        List<SocketBuffers> server = new ArrayList<>();
        List<SocketBuffers> client = new ArrayList<>();
        boolean serverEnd = false;
        for (String line : ssOutput.lines().toList()) {
            // A socket line starts "Recv-Q Send-Q local:port peer:port"; its skmem may follow on the
            // same line or on the next, depending on how wide ss lays the columns out.
            String[] fields = line.strip().split("\\s+");
            if (fields.length >= 4 && fields[0].matches("\\d+") && fields[1].matches("\\d+")) {
                serverEnd = fields[2].endsWith(":" + port);
            }
            Matcher m = SKMEM.matcher(line);
            if (m.find()) {
                (serverEnd ? server : client).add(new SocketBuffers(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1))));
            }
        }
        return new Ends(server, client);
    }

    /** "16 KiB / 16 KiB" (send / receive), the smallest and largest when the sockets differ. */
    public static String describe(List<SocketBuffers> sockets) {
        if (sockets.isEmpty()) {
            return "-";
        }
        return range(sockets.stream().mapToInt(SocketBuffers::send).toArray()) + " / "
                + range(sockets.stream().mapToInt(SocketBuffers::receive).toArray());
    }

    private static String range(int[] values) {
        int min = java.util.Arrays.stream(values).min().orElseThrow();
        int max = java.util.Arrays.stream(values).max().orElseThrow();
        return min == max ? size(min) : size(min) + "–" + size(max);
    }

    static String size(int bytes) {
        if (bytes >= 1 << 20) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1 << 20));
        }
        if (bytes >= 1 << 10) {
            return bytes % 1024 == 0 ? (bytes >> 10) + " KiB" : String.format(Locale.ROOT, "%.0f KiB", bytes / 1024.0);
        }
        return bytes + " B";
    }
}
