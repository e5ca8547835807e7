package dev.wirelab.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the kernel holds for the server's end of each live connection to a port, read from
 * outside the server with {@code ss -tmn}: the only way a test can see a setting the server
 * made on its own sockets, whatever library made it (a server could say it set
 * {@code SO_SNDBUF}; the kernel's {@code tb} says whether it did).
 *
 * <p>{@code ss -tmnH state established '( sport = :PORT )'} prints, for each socket whose
 * local port is the server's, a line {@code Recv-Q Send-Q local peer} and its
 * {@code skmem:(r..,rb..,t..,tb..,...)} (on the same line or the next, depending on the
 * terminal width ss assumes). {@code tb} is {@code sk_sndbuf}: Linux stores double the value
 * an application asked for (the extra half pays for its bookkeeping, see socket(7)), after
 * capping the request at {@code net.core.wmem_max}, and never less than 4,608 bytes.
 *
 * <p>A small reader of its own: the lab's {@code SocketBuffers} lives in {@code labs}, which
 * the testkit must not depend on.
 *
 * @param sendQueue  {@code Send-Q}: bytes the server wrote that the peer has not acknowledged
 * @param sendBuffer {@code tb}: the socket's send buffer, in bytes
 */
public record ServerSockets(long sendQueue, int sendBuffer) {

    private static final Pattern SEND_BUFFER = Pattern.compile("skmem:\\(.*?\\btb(\\d+)");
    private static final Pattern SOCKET_LINE = Pattern.compile("^\\s*(\\d+)\\s+(\\d+)\\s+\\S+\\s+\\S+");

    /** Whether {@code ss} runs here; if not, tests that need it skip (or fail under CI, see {@link #offered()}). */
    public static boolean available() {
        return query("state", "listening").isPresent();
    }

    /** Linux offers socket diagnostics; {@code .ci/run} installs {@code ss} (iproute2), so CI must not skip. */
    public static boolean offered() {
        return Files.isDirectory(Path.of("/proc/sys/net/core"));
    }

    /** The server's end of every established connection on {@code port}; empty when {@code ss} fails. */
    public static List<ServerSockets> of(int port) {
        return query("state", "established", "( sport = :" + port + " )").map(ServerSockets::parse).orElse(List.of());
    }

    /** What Linux makes of an {@code SO_SNDBUF} request of {@code asked} bytes: double, after the wmem_max cap. */
    public static int kernelSendBuffer(int asked) {
        long capped = Math.min(asked, wmemMax());
        return (int) Math.max(2 * capped, 4_608);
    }

    static List<ServerSockets> parse(String output) {
        List<ServerSockets> sockets = new ArrayList<>();
        long sendQueue = -1;
        for (String line : output.lines().toList()) {
            Matcher socket = SOCKET_LINE.matcher(line);
            if (socket.find()) {
                sendQueue = Long.parseLong(socket.group(2));
            }
            Matcher memory = SEND_BUFFER.matcher(line);
            if (memory.find() && sendQueue >= 0) {
                sockets.add(new ServerSockets(sendQueue, Integer.parseInt(memory.group(1))));
                sendQueue = -1;
            }
        }
        return sockets;
    }

    private static long wmemMax() {
        try {
            return Long.parseLong(Files.readAllLines(Path.of("/proc/sys/net/core/wmem_max")).get(0).trim());
        } catch (IOException | RuntimeException e) {
            return Integer.MAX_VALUE;   // no cap known: the doubled request is the expectation
        }
    }

    private static Optional<String> query(String... filter) {
        List<String> command = new ArrayList<>(List.of("ss", "-tmnH"));
        command.addAll(List.of(filter));
        try {
            Process ss = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!ss.waitFor(10, TimeUnit.SECONDS) || ss.exitValue() != 0) {
                return Optional.empty();
            }
            return Optional.of(output);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
