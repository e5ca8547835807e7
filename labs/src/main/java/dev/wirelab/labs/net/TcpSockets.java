package dev.wirelab.labs.net;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * TCP options Java has no name for, set with {@code setsockopt(2)} through the FFM API.
 *
 * <p>{@code jdk.net.ExtendedSocketOptions} offers keep-alive timers, {@code TCP_QUICKACK} and a
 * few more, but not {@code TCP_CONGESTION} (which congestion-control algorithm one socket
 * uses) nor {@code TCP_INFO} (what the kernel knows about the connection: smoothed RTT,
 * congestion window, retransmissions, bytes acknowledged). Both are one system call away;
 * what Java hides is the file descriptor. It is found the way {@code ss} and {@code lsof} do:
 * the connection's ports lead to its inode in {@code /proc/self/net/tcp}, and the inode to the
 * descriptor in {@code /proc/self/fd} ({@code tcp} and {@code tcp6}). Linux only.
 */
public final class TcpSockets {

    private static final int IPPROTO_TCP = 6;
    private static final int TCP_INFO = 11;
    private static final int TCP_CONGESTION = 13;

    private static final Linker LINKER = Linker.nativeLinker();
    // int setsockopt(int fd, int level, int name, const void *value, socklen_t length)
    private static final MethodHandle SETSOCKOPT = LINKER.downcallHandle(LINKER.defaultLookup().find("setsockopt").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                    ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
    // int getsockopt(int fd, int level, int name, void *value, socklen_t *length)
    private static final MethodHandle GETSOCKOPT = LINKER.downcallHandle(LINKER.defaultLookup().find("getsockopt").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                    ValueLayout.ADDRESS, ValueLayout.ADDRESS));

    private TcpSockets() {
    }

    /**
     * What the kernel reports in {@code struct tcp_info} (linux/tcp.h), the fields the lab reads.
     *
     * @param rttMicros       smoothed round-trip time
     * @param congestionWindow in segments
     * @param retransmits     segments sent again over the connection's life
     * @param bytesAcked      bytes the peer has acknowledged
     */
    public record TcpInfo(long rttMicros, long congestionWindow, long retransmits, long bytesAcked) {
    }

    /** The algorithms this kernel offers, from /proc/sys/net/ipv4/tcp_available_congestion_control. */
    public static List<String> availableCongestionControl() {
        try {
            return List.of(Files.readString(Path.of("/proc/sys/net/ipv4/tcp_available_congestion_control")).trim().split("\\s+"));
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The descriptor of a connected IPv4 channel, found through /proc. */
    public static int fd(SocketChannel channel) throws IOException {
        int local = ((InetSocketAddress) channel.getLocalAddress()).getPort();
        int remote = ((InetSocketAddress) channel.getRemoteAddress()).getPort();
        String ports = String.format(Locale.ROOT, ":%04X", local);
        String remotePort = String.format(Locale.ROOT, ":%04X", remote);
        String inode = null;
        // Java's sockets are IPv6 sockets unless opened for INET, and then they are listed in tcp6
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(Path.of("/proc/self/net/tcp"), StandardCharsets.US_ASCII));
        lines.addAll(Files.readAllLines(Path.of("/proc/self/net/tcp6"), StandardCharsets.US_ASCII));
        for (String line : lines) {
            String[] f = line.trim().split("\\s+");
            if (f.length > 9 && f[1].endsWith(ports) && f[2].endsWith(remotePort)) {
                inode = f[9];
                break;
            }
        }
        if (inode == null) {
            throw new IOException("connection :" + local + " -> :" + remote + " not in /proc/self/net/tcp");
        }
        String link = "socket:[" + inode + "]";
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    if (Files.readSymbolicLink(fd).toString().equals(link)) {
                        return Integer.parseInt(fd.getFileName().toString());
                    }
                } catch (IOException e) {
                    // a descriptor closed while we looked: not ours
                }
            }
        }
        throw new IOException("no descriptor of this process refers to " + link);
    }

    /** Sets the congestion-control algorithm of one socket ({@code setsockopt(TCP_CONGESTION)}). */
    public static void setCongestionControl(int fd, String algorithm) {
        try (Arena arena = Arena.ofConfined()) {
            byte[] name = algorithm.getBytes(StandardCharsets.US_ASCII);
            MemorySegment value = arena.allocate(name.length);
            MemorySegment.copy(name, 0, value, ValueLayout.JAVA_BYTE, 0, name.length);
            int rc = (int) SETSOCKOPT.invokeExact(fd, IPPROTO_TCP, TCP_CONGESTION, value, name.length);
            if (rc != 0) {
                throw new IllegalStateException("setsockopt(TCP_CONGESTION, " + algorithm + ") failed: is it in "
                        + availableCongestionControl() + "?");
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** The socket's congestion-control algorithm, read back ({@code getsockopt(TCP_CONGESTION)}). */
    public static String congestionControl(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment value = arena.allocate(16);
            MemorySegment length = arena.allocate(ValueLayout.JAVA_INT);
            length.set(ValueLayout.JAVA_INT, 0, 16);
            int rc = (int) GETSOCKOPT.invokeExact(fd, IPPROTO_TCP, TCP_CONGESTION, value, length);
            if (rc != 0) {
                throw new IllegalStateException("getsockopt(TCP_CONGESTION) failed");
            }
            return value.getString(0, StandardCharsets.US_ASCII);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code getsockopt(TCP_INFO)}: offsets from linux/tcp.h (rtt at 68, snd_cwnd at 80, total_retrans at 100, bytes_acked at 120). */
    public static TcpInfo info(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment value = arena.allocate(256, 8);
            MemorySegment length = arena.allocate(ValueLayout.JAVA_INT);
            length.set(ValueLayout.JAVA_INT, 0, 256);
            int rc = (int) GETSOCKOPT.invokeExact(fd, IPPROTO_TCP, TCP_INFO, value, length);
            if (rc != 0 || length.get(ValueLayout.JAVA_INT, 0) < 128) {
                throw new IllegalStateException("getsockopt(TCP_INFO) failed or is too old a kernel (needs 4.1+)");
            }
            return new TcpInfo(Integer.toUnsignedLong(value.get(ValueLayout.JAVA_INT, 68)),
                    Integer.toUnsignedLong(value.get(ValueLayout.JAVA_INT, 80)),
                    Integer.toUnsignedLong(value.get(ValueLayout.JAVA_INT, 100)),
                    value.get(ValueLayout.JAVA_LONG, 120));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
