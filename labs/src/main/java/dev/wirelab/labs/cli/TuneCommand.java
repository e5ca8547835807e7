package dev.wirelab.labs.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import dev.wirelab.core.load.LoadReport;
import dev.wirelab.labs.report.ReportFiles;
import dev.wirelab.labs.report.TextTable;
import dev.wirelab.labs.tune.KernelSettings;
import dev.wirelab.labs.tune.TuneExperiment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lab tune}: the kernel's TCP settings (read only), then Nagle and socket buffers, measured. */
@Command(name = "tune", mixinStandardHelpOptions = true,
        description = {"Print the kernel's TCP settings (read only), then measure what TCP_NODELAY and",
            "socket buffer sizes do to an echo server's latency and throughput on this machine."})
public final class TuneCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--quick", description = "1 s per case after 0.3 s warm-up (default: 3 s after 1 s)")
    boolean quick;

    @Option(names = "--settings-only", description = "print the kernel settings and stop")
    boolean settingsOnly;

    @Option(names = "--variant", paramLabel = "NAME", description = "server to tune (default: ${DEFAULT-VALUE}; it must take the nodelay/sndbuf/rcvbuf options)")
    String variant = "nio";

    @Option(names = "--out", paramLabel = "DIR", description = "report folder (default: reports/ under the project)")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter pw = spec.commandLine().getOut();
        StringBuilder md = new StringBuilder("# lab tune — ").append(LocalDateTime.now().withNano(0)).append("\n\n");

        TextTable settings = new TextTable("setting", "value here", "what it governs");
        new KernelSettings().read().forEach(s -> settings.row(s.name(), s.value().orElse("(unreadable)"), s.meaning()));
        pw.println("Kernel TCP settings (read from /proc/sys; lab tune never changes them):");
        pw.println(settings.toTerminal());
        md.append("## Kernel settings\n\n").append(settings.toMarkdown()).append('\n');
        if (settingsOnly) {
            return 0;
        }

        Duration duration = quick ? Duration.ofSeconds(1) : Duration.ofSeconds(3);
        Duration warmup = quick ? Duration.ofMillis(300) : Duration.ofSeconds(1);
        TuneExperiment experiment = new TuneExperiment(variant, duration, warmup);
        PrintWriter err = spec.commandLine().getErr();

        List<TuneExperiment.Case> nagle = experiment.nagle(step -> progress(err, step));
        TextTable nagleTable = table(nagle, true);
        pw.println("Nagle and delayed ACKs: 1 connection, 64 B messages, one in flight, server '" + variant + "'; "
                + TuneExperiment.placement());
        pw.println(nagleTable.toTerminal());
        md.append("## Nagle and delayed ACKs\n\n").append(nagleTable.toMarkdown()).append('\n');

        List<TuneExperiment.Case> buffers = experiment.buffers(step -> progress(err, step));
        TextTable bufferTable = table(buffers, false);
        pw.println("Socket buffers: 4 connections, 64 KiB messages, 4 in flight each; " + TuneExperiment.placement());
        pw.println(bufferTable.toTerminal());
        md.append("## Socket buffers\n\n").append(bufferTable.toMarkdown()).append('\n');

        String notes = notes();
        pw.println(notes);
        md.append("## What loopback cannot show\n\n").append(notes).append('\n');

        ReportFiles files = ReportFiles.orDefault(out);
        Path base = files.reserve("tune", LocalDateTime.now(), "md");
        Path file = ReportFiles.withExtension(base, "md");
        Files.writeString(file, md.toString());
        pw.println("wrote " + file);

        List<TuneExperiment.Case> all = new ArrayList<>(nagle);
        all.addAll(buffers);
        return all.stream().allMatch(c -> c.report().clean()) ? 0 : 1;
    }

    private static void progress(PrintWriter err, String step) {
        err.println("  measuring " + step);
        err.flush();
    }

    /** Figures beside the first (baseline) case: latency for Nagle, bandwidth for buffers. */
    static TextTable table(List<TuneExperiment.Case> cases, boolean latencyFirst) {
        TextTable table = new TextTable("case", "msgs/s", "MB/s", "p50 µs", "p99 µs", "errors",
                latencyFirst ? "p50 vs baseline" : "MB/s vs default");
        LoadReport base = cases.getFirst().report();
        for (TuneExperiment.Case c : cases) {
            LoadReport r = c.report();
            String ratio = latencyFirst
                    ? (base.latency().p50() == 0 ? "-" : fmt("%.1f×", r.latency().p50() / base.latency().p50()))
                    : (base.megabytesPerSecond() == 0 ? "-" : fmt("%.2f×", r.megabytesPerSecond() / base.megabytesPerSecond()));
            table.row(c.label(), fmt("%,.0f", r.messagesPerSecond()), fmt("%,.1f", r.megabytesPerSecond()),
                    fmt("%,.0f", r.latency().p50()), fmt("%,.0f", r.latency().p99()), r.errorCount() + r.connectFailures(), ratio);
        }
        return table;
    }

    static String notes() {
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

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
