package dev.wirelab.labs.net;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/*
 * OS tuning on a rate-limited link: socket buffers against the bandwidth-delay product, and
 * the congestion-control algorithms the kernel offers.
 *
 * Two hosts (namespaces), one cable limited by tbf. A sink on host 1 reads and discards; a
 * sender on host 2 writes as fast as TCP lets it for a few seconds per case, and reads back
 * from the kernel (TCP_INFO) what it saw: bytes acknowledged, smoothed RTT, retransmissions.
 *
 * What to expect, and why:
 *
 *   - A connection can have at most one window of bytes in flight, and the window is bounded
 *     by the socket buffers. Throughput <= window / RTT, so keeping a link busy takes a window
 *     of at least rate x RTT: the bandwidth-delay product. At 100 Mbit/s a 20 ms WAN needs
 *     250 KB; this veth cable has a round trip of tens of microseconds, a BDP of a few hundred
 *     bytes, and even the smallest buffer fills it.
 *   - A sender whose window is larger than the BDP does not go faster: the extra bytes wait in
 *     the bottleneck's queue (tbf's, 20 ms deep here). Loss-based algorithms (reno, cubic) grow
 *     the window until that queue overflows and drops, so under load the RTT rises to the
 *     queue's depth: bufferbloat. BBR models the bottleneck rate and the minimum RTT and
 *     sends at that rate, so the queue stays short and the RTT near the minimum.
 *   - What one machine cannot show: a real propagation delay. Without netem no delay can be
 *     added, so the BDP here is tiny and buffers look free; where netem exists, the experiment
 *     runs the buffer cases again over a 10 ms link (netem delay with its own rate limit).
 */

/** {@code lab net tune}: socket buffers and congestion control on a rate-limited namespace link, measured. */
public final class NetTuning {

    /** One measured case. */
    public record Case(String name, String congestionControl, int buffer) {
    }

    /** What one case measured. */
    public record Result(Case spec, double megabitsPerSecond, double rttMillis, long retransmits, String checkedAlgorithm) {
    }

    private static final String PREFIX = "wlx-";

    private NetTuning() {
    }

    /** The cases: buffer sizes under the default algorithm, then every algorithm with the OS's auto-tuned buffers. */
    public static List<Case> cases(List<String> algorithms) {
        List<Case> cases = new ArrayList<>();
        for (int buffer : new int[] {16 * 1024, 64 * 1024, 256 * 1024, 4 * 1024 * 1024}) {
            cases.add(new Case("buffers " + buffer / 1024 + " KiB", "cubic", buffer));
        }
        for (String cc : algorithms) {
            cases.add(new Case("algorithm " + cc, cc, 0));
        }
        return cases;
    }

    /**
     * Makes its own two hosts ({@code wlx-h1}, {@code wlx-h2}), runs every case, removes the
     * hosts (also on failure) and returns the results, with the netem delay cases appended
     * where the kernel has netem.
     */
    public static Map<String, List<Result>> run(LinkRate rate, Duration perCase, List<String> labHere) throws Exception {
        NetLab lab = new NetLab();
        NetLayout layout = new NetLayout(PREFIX, 2, Optional.of(rate));
        Map<String, List<Result>> results = new LinkedHashMap<>();
        List<String> algorithms = TcpSockets.availableCongestionControl().stream().sorted().toList();
        try {
            lab.up(layout);
            results.put("tbf " + rate.text() + ", no added delay", measure(layout, cases(algorithms), perCase, labHere));
            if (Qdiscs.netemMissing().isEmpty()) {
                Shell shell = new Shell();
                for (int i = 1; i <= 2; i++) {
                    shell.must("tc", "-n", layout.host(i), "qdisc", "replace", "dev", NetLayout.HOST_INTERFACE, "root",
                            "netem", "delay", "5ms", "rate", rate.text(), "limit", "10000");
                }
                results.put("netem " + rate.text() + ", 10 ms round trip", measure(layout, cases(algorithms), perCase, labHere));
            }
        } finally {
            lab.down(PREFIX);
        }
        return results;
    }

    private static List<Result> measure(NetLayout layout, List<Case> cases, Duration perCase, List<String> labHere) throws Exception {
        // 1. The sink on host 1: one listening port per receive-buffer size (SO_RCVBUF must be set before listen).
        List<String> sink = new ArrayList<>(List.of("ip", "netns", "exec", layout.host(1)));
        sink.addAll(labHere);
        sink.addAll(List.of("net", "sink", "--host", NetLayout.address(1)));
        cases.stream().map(c -> Integer.toString(c.buffer())).distinct().forEach(b -> sink.addAll(List.of("--rcvbuf", b)));
        Process sinkProcess = new ProcessBuilder(sink).redirectErrorStream(true).start();
        try {
            Map<Integer, Integer> portByBuffer = readPorts(sinkProcess, cases.stream().map(Case::buffer).distinct().count());
            // 2. The sender on host 2, one case after another, each reporting one RESULT line.
            List<String> blast = new ArrayList<>(List.of("ip", "netns", "exec", layout.host(2)));
            blast.addAll(labHere);
            blast.addAll(List.of("net", "blast", "--millis", Long.toString(perCase.toMillis())));
            for (Case c : cases) {
                blast.addAll(List.of("--case", NetLayout.address(1) + ":" + portByBuffer.get(c.buffer()) + ":" + c.congestionControl()
                        + ":" + c.buffer()));
            }
            Process sender = new ProcessBuilder(blast).redirectErrorStream(true).start();
            List<String> lines = new String(sender.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            if (!sender.waitFor(perCase.multipliedBy(cases.size()).plusSeconds(60).toMillis(), TimeUnit.MILLISECONDS)
                    || sender.exitValue() != 0) {
                throw new IllegalStateException("the sender failed: " + String.join(" / ", lines));
            }
            List<Result> results = new ArrayList<>();
            List<String> resultLines = lines.stream().filter(l -> l.startsWith("RESULT ")).toList();
            for (int i = 0; i < cases.size(); i++) {
                String[] f = resultLines.get(i).split(" ");
                results.add(new Result(cases.get(i), Double.parseDouble(f[1]), Double.parseDouble(f[2]), Long.parseLong(f[3]), f[4]));
            }
            return results;
        } finally {
            sinkProcess.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static Map<Integer, Integer> readPorts(Process sink, long expected) throws IOException {
        Map<Integer, Integer> ports = new LinkedHashMap<>();
        BufferedReader in = new BufferedReader(new InputStreamReader(sink.getInputStream(), StandardCharsets.UTF_8));
        for (String line; ports.size() < expected && (line = in.readLine()) != null; ) {
            String[] f = line.split(" ");
            if (f.length == 3 && f[0].equals("listening")) {
                ports.put(Integer.parseInt(f[1]), Integer.parseInt(f[2]));
            }
        }
        if (ports.size() < expected) {
            throw new IllegalStateException("the sink did not start");
        }
        Thread.ofPlatform().daemon().start(() -> {
            try {
                in.transferTo(java.io.Writer.nullWriter());
            } catch (IOException e) {
                // sink gone
            }
        });
        return ports;
    }

    // ---------------------------------------------------------------- the two ends (run inside namespaces)

    /** The sink: listens once per receive-buffer size (0 = the OS's auto-tuning), prints "listening BUFFER PORT", discards. */
    public static void sink(String host, List<Integer> receiveBuffers) throws IOException {
        for (int buffer : receiveBuffers) {
            ServerSocket server = new ServerSocket();
            if (buffer > 0) {
                server.setReceiveBufferSize(buffer);
            }
            server.bind(new InetSocketAddress(InetAddress.getByName(host), 0));
            System.out.println("listening " + buffer + " " + server.getLocalPort());
            Thread.ofPlatform().start(() -> {
                while (true) {
                    try {
                        Socket s = server.accept();
                        Thread.ofVirtual().start(() -> discard(s));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }
        System.out.flush();
    }

    private static void discard(Socket socket) {
        byte[] buffer = new byte[1 << 20];
        try (socket) {
            while (socket.getInputStream().read(buffer) >= 0) {
                // discard
            }
        } catch (IOException e) {
            // sender gone
        }
    }

    /**
     * The sender: for {@code duration}, writes 64 KiB at a time; throughput is the bytes the
     * receiver acknowledged after a quarter of the time (slow start excluded), over the rest.
     * Prints "RESULT mbit/s rtt-ms retransmits algorithm".
     */
    public static String blast(String host, int port, String algorithm, int sendBuffer, Duration duration) throws IOException {
        try (SocketChannel channel = SocketChannel.open(java.net.StandardProtocolFamily.INET)) {
            if (sendBuffer > 0) {
                channel.setOption(StandardSocketOptions.SO_SNDBUF, sendBuffer);
            }
            channel.connect(new InetSocketAddress(host, port));
            int fd = TcpSockets.fd(channel);
            TcpSockets.setCongestionControl(fd, algorithm);
            String checked = TcpSockets.congestionControl(fd);
            ByteBuffer data = ByteBuffer.allocateDirect(64 * 1024);
            long start = System.nanoTime();
            long warm = start + duration.toNanos() / 4;
            long end = start + duration.toNanos();
            TcpSockets.TcpInfo atWarm = null;
            long warmAt = 0;
            while (System.nanoTime() < end) {
                data.clear();
                channel.write(data);
                if (atWarm == null && System.nanoTime() >= warm) {
                    atWarm = TcpSockets.info(fd);
                    warmAt = System.nanoTime();
                }
            }
            TcpSockets.TcpInfo last = TcpSockets.info(fd);
            long now = System.nanoTime();
            double mbits = atWarm == null ? 0 : (last.bytesAcked() - atWarm.bytesAcked()) * 8 / ((now - warmAt) / 1e9) / 1e6;
            return String.format(Locale.ROOT, "RESULT %.1f %.2f %d %s", mbits, last.rttMicros() / 1000.0, last.retransmits(), checked);
        }
    }
}
