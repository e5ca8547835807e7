package dev.wirelab.labs.tune;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Consumer;

import dev.wirelab.core.echo.EchoConfig;
import dev.wirelab.core.echo.EchoServer;
import dev.wirelab.core.echo.EchoServerProvider;
import dev.wirelab.core.load.LoadGenerator;
import dev.wirelab.core.load.LoadReport;
import dev.wirelab.core.load.LoadSpec;
import dev.wirelab.labs.tour.CpuAffinity;

/*
 * The OS-tuning chapter as an experiment: what do TCP_NODELAY and socket buffer sizes do to
 * an echo server's latency and throughput, on the machine at hand?
 *
 * NAGLE. Nagle's algorithm (RFC 896) holds a small segment back while earlier data is still
 * unacknowledged, hoping to send one full segment instead of many tiny ones. The receiver's
 * delayed ACK (RFC 1122 allows up to 500 ms; Linux uses up to about 40 ms) holds the ACK back
 * hoping to piggyback it on a reply. Together they deadlock politely: the sender waits for an
 * ACK that the receiver waits to send. The pattern that triggers it is write-write-read: a
 * message sent in two pieces. So the experiment sends every 64 B message as two 32 B writes
 * and turns Nagle on at the client, at the server, at both — beside a baseline of whole writes
 * with Nagle off everywhere. What this machine showed (2 vCPUs, Linux, loopback): no 40 ms
 * stall, because Linux acknowledges at once while a connection is in "quick ACK" mode and an
 * echo server answers every piece; what does show is the extra round trip — split writes cost
 * 1.5× the baseline's median latency, and Nagle at the client 2.1×, since the second piece
 * waits for the first piece's ACK. Across a real network, with delayed ACKs in force, the same
 * pattern can cost tens of milliseconds.
 *
 * BUFFERS. A TCP connection can have no more unacknowledged bytes in flight than the smaller
 * of the receiver's window (bounded by SO_RCVBUF) and the sender's buffer (SO_SNDBUF). Across
 * a network the buffers must hold the bandwidth-delay product; on loopback the delay is
 * microseconds, so the question becomes: what does a buffer that is too small cost in system
 * calls and wake-ups? The experiment runs a bulk load with 8 KiB buffers, the OS's auto-tuned
 * default, and 4 MiB, on both sides. A third of the way into each run it reads every socket's buffers
 * back from the kernel (ss -tm, both ends) rather than trusting the setting: Linux doubles what
 * was asked (the extra half pays for its bookkeeping, see socket(7)) and first caps the request
 * at net.core.wmem_max / rmem_max, so "4 MiB" is often far less; and the default case shows
 * auto-tuning at work, the receive buffer grown to megabytes.
 *
 * WHAT LOOPBACK CANNOT SHOW. Loopback has no NIC, so the features that make a real one cheap
 * per byte do nothing here; loopbackNotes() below lists them, and `lab tune` prints that list
 * beside the figures so nobody reads the loopback numbers as a NIC's.
 *
 * How to run: ./lab tune (or ./lab experiment tune), --quick for 1 s per case; the report
 * lands in reports/tune-<time>.md.
 */
public final class TuneExperiment {

    /**
     * One measured case of one experiment.
     *
     * @param serverBuffers the server's sockets' buffers as the kernel held them a third of the way into the
     *                      measured run (buffer cases only; empty where {@code ss} is missing)
     * @param clientBuffers the same for the load generator's sockets
     */
    public record Case(String experiment, String label, String server, String client, LoadReport report,
                       List<SocketBuffers> serverBuffers, List<SocketBuffers> clientBuffers) {
    }

    private final String variant;
    private final Duration duration;
    private final Duration warmup;

    /**
     * @param variant the server to tune; it must understand the options {@code nodelay},
     *                {@code sndbuf} and {@code rcvbuf} (the {@code nio} server does)
     */
    public TuneExperiment(String variant, Duration duration, Duration warmup) {
        this.variant = variant;
        this.duration = duration;
        this.warmup = warmup;
    }

    /** The Nagle matrix: 1 connection, 64 B messages, one in flight. */
    public List<Case> nagle(Consumer<String> progress) throws IOException, InterruptedException {
        LoadSpec.Socket whole = LoadSpec.Socket.DEFAULT;
        LoadSpec.Socket split = whole.withMaxWrite(32);
        List<Case> cases = new ArrayList<>();
        cases.add(run("nagle", "baseline: whole writes, nodelay everywhere", true, whole, 1, 64, 1, progress));
        cases.add(run("nagle", "split writes, nodelay everywhere", true, split, 1, 64, 1, progress));
        cases.add(run("nagle", "split writes, Nagle at the server", false, split, 1, 64, 1, progress));
        cases.add(run("nagle", "split writes, Nagle at the client", true, split.withNoDelay(false), 1, 64, 1, progress));
        cases.add(run("nagle", "split writes, Nagle at both ends", false, split.withNoDelay(false), 1, 64, 1, progress));
        return cases;
    }

    /** Socket buffers: 4 connections × 64 KiB messages, 4 in flight each. */
    public List<Case> buffers(Consumer<String> progress) throws IOException, InterruptedException {
        List<Case> cases = new ArrayList<>();
        for (int size : new int[] {0, 8 * 1024, 4 * 1024 * 1024}) {
            String label = size == 0 ? "OS default (auto-tuned)" : (size >= 1 << 20 ? (size >> 20) + " MiB" : (size >> 10) + " KiB")
                    + " both ends";
            cases.add(run("buffers", label, true, LoadSpec.Socket.DEFAULT.withBuffers(size, size), 4, 64 * 1024, 4, size,
                    true, progress));
        }
        return cases;
    }

    private Case run(String experiment, String label, boolean serverNoDelay, LoadSpec.Socket client,
                     int connections, int size, int pipeline, Consumer<String> progress) throws IOException, InterruptedException {
        return run(experiment, label, serverNoDelay, client, connections, size, pipeline, 0, false, progress);
    }

    private Case run(String experiment, String label, boolean serverNoDelay, LoadSpec.Socket client,
                     int connections, int size, int pipeline, int serverBuffers, boolean readBack,
                     Consumer<String> progress) throws IOException, InterruptedException {
        progress.accept(experiment + ": " + label);
        EchoServerProvider provider = EchoServerProvider.named(variant).orElseThrow(() -> new IllegalArgumentException(
                "no server variant '" + variant + "' on the class path (see: lab variants)"));
        EchoConfig config = EchoConfig.defaults().withOption("nodelay", Boolean.toString(serverNoDelay));
        if (serverBuffers > 0) {
            config = config.withOption("sndbuf", Integer.toString(serverBuffers)).withOption("rcvbuf", Integer.toString(serverBuffers));
        }
        String server = "nodelay " + (serverNoDelay ? "on" : "off")
                + (serverBuffers > 0 ? ", sndbuf/rcvbuf " + serverBuffers : "");
        // Pin this thread to one CPU before the server and the load generator start their
        // threads (they inherit it): otherwise whether a wake-up crosses vCPUs, not the
        // setting under test, decides the latency (see the tour's --placement).
        BitSet before = CpuAffinity.available() ? CpuAffinity.current() : null;
        if (before != null) {
            BitSet one = new BitSet();
            one.set(before.nextSetBit(0));
            CpuAffinity.pin(one);
        }
        try (EchoServer echo = provider.start(config)) {
            LoadSpec spec = LoadSpec.defaults(echo.localAddress())
                    .withConnections(connections).withMessageSize(size).withPipeline(pipeline)
                    .withDuration(duration).withWarmup(warmup).withSocket(client);
            // Read both ends' buffers back from the kernel a third of the way into the measured run: the
            // proof that the setting reached every socket, and what the kernel made of it.
            int port = echo.localAddress().getPort();
            java.util.concurrent.atomic.AtomicReference<SocketBuffers.Ends> ends =
                    new java.util.concurrent.atomic.AtomicReference<>(SocketBuffers.Ends.NONE);
            // A platform thread: it must not wait for a carrier while the load keeps the pinned CPU busy.
            Thread sampler = Thread.ofPlatform().daemon().start(() -> {
                if (readBack && pause(warmup.plus(duration.dividedBy(3)))) {
                    ends.set(SocketBuffers.read(port));
                }
            });
            LoadReport report = LoadGenerator.run(spec);
            sampler.join();
            return new Case(experiment, label, server, client.summary(), report, ends.get().server(), ends.get().client());
        } finally {
            if (before != null) {
                CpuAffinity.pin(before);
            }
        }
    }

    /**
     * What a real NIC and network add that loopback cannot show: the last part of the lesson,
     * printed after the measured tables.
     */
    public static String loopbackNotes() {
        return """
                What loopback cannot show (and a real NIC would):
                  - TSO/GSO: the kernel hands the NIC up to 64 KiB and the NIC cuts it into segments: far fewer
                    trips through the stack per byte. Check with: ethtool -k <nic> | grep segmentation
                  - GRO/LRO: segments merged on receive before the stack sees them; fewer, larger reads.
                  - Checksum offload: the NIC computes the TCP/IP checksums (the simd chapter computes them in software).
                  - Interrupt coalescing: one interrupt per batch of packets (ethtool -c <nic>): less CPU under load,
                    a few microseconds more latency for a lone packet.
                  - Congestion control (cubic, bbr): decides how fast to send when packets are lost or queues grow;
                    loopback loses nothing, so every algorithm measures the same here.
                  - Bandwidth-delay product: across 40 ms at 1 Gbit/s, 5 MB must be in flight; buffers smaller than
                    that cap throughput. On loopback the delay is microseconds, so buffers matter far less.""";
    }

    private static boolean pause(Duration d) {
        try {
            Thread.sleep(d);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** How the cases are placed, for the report. */
    public static String placement() {
        return CpuAffinity.available()
                ? "client and server threads pinned to CPU " + CpuAffinity.current().nextSetBit(0)
                : "not pinned (CPU pinning needs Linux and native access)";
    }
}
