package dev.wirelab.labs.tune;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Linux kernel settings that shape TCP performance, read (never written) from
 * {@code /proc/sys}. Each comes with what it governs, so the list reads as a lesson.
 */
public final class KernelSettings {

    /** One setting: its sysctl name, its value here (empty if unreadable), and what it governs. */
    public record Setting(String name, Optional<String> value, String meaning) {
    }

    private static final String[][] SETTINGS = {
        {"net.core.somaxconn", "upper bound on a listen backlog: connections the kernel queues before accept()"},
        {"net.ipv4.tcp_max_syn_backlog", "half-open connections (SYN received) the kernel remembers"},
        {"net.core.rmem_default", "default socket receive buffer (bytes) for non-TCP sockets and SO_RCVBUF base"},
        {"net.core.rmem_max", "largest SO_RCVBUF an application may ask for"},
        {"net.core.wmem_max", "largest SO_SNDBUF an application may ask for"},
        {"net.ipv4.tcp_rmem", "TCP receive buffer: min, default, max (bytes); auto-tuned between them"},
        {"net.ipv4.tcp_wmem", "TCP send buffer: min, default, max (bytes); auto-tuned between them"},
        {"net.ipv4.tcp_moderate_rcvbuf", "1 = receive buffers auto-tune (setting SO_RCVBUF turns it off for that socket)"},
        {"net.ipv4.tcp_congestion_control", "congestion control algorithm for new connections"},
        {"net.ipv4.tcp_available_congestion_control", "algorithms loaded in this kernel"},
        {"net.core.default_qdisc", "queueing discipline on interfaces (fq pairs well with BBR pacing)"},
        {"net.ipv4.tcp_slow_start_after_idle", "1 = an idle connection restarts from a small congestion window"},
        {"net.ipv4.tcp_notsent_lowat", "unsent bytes the kernel holds before reporting a socket writable"},
        {"net.ipv4.tcp_fastopen", "TCP Fast Open: data in the SYN (1 client, 2 server, 3 both)"},
        {"net.ipv4.tcp_tw_reuse", "reuse TIME_WAIT sockets for new outgoing connections"},
        {"net.ipv4.ip_local_port_range", "ephemeral ports a load generator can connect from"},
    };

    private final Path procSys;

    public KernelSettings() {
        this(Path.of("/proc/sys"));
    }

    /** Reads from another root (tests use a folder laid out like /proc/sys). */
    public KernelSettings(Path procSys) {
        this.procSys = procSys;
    }

    public List<Setting> read() {
        List<Setting> out = new ArrayList<>(SETTINGS.length);
        for (String[] s : SETTINGS) {
            out.add(new Setting(s[0], value(s[0]), s[1]));
        }
        return out;
    }

    private Optional<String> value(String name) {
        Path file = procSys.resolve(name.replace('.', '/'));
        // Read as a stream: /proc files report size 0, and a reader that trusts the size
        // (Files.readString here) can come back with only the first byte.
        try (var in = Files.newInputStream(file)) {
            return Optional.of(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).trim().replaceAll("\\s+", " "));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }
}
