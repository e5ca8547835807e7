package dev.wirelab.labs.tune;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.wirelab.core.experiment.Experiment;
import dev.wirelab.core.load.LoadReport;
import dev.wirelab.labs.report.ReportFiles;
import dev.wirelab.labs.report.TextTable;

/**
 * {@code lab experiment tune} (and its alias {@code lab tune}): prints the kernel's TCP
 * settings, runs {@link TuneExperiment} (the lesson: Nagle and socket buffers), prints what
 * loopback cannot show, and writes the whole as a Markdown report.
 */
public final class TuneLab implements Experiment {

    @Override
    public String name() {
        return "tune";
    }

    @Override
    public String summary() {
        return "OS tuning: print the kernel's TCP settings (read only), then measure what TCP_NODELAY and socket "
                + "buffer sizes do to an echo server's latency and throughput here.";
    }

    @Override
    public Class<?> lesson() {
        return TuneExperiment.class;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.flag("quick", "1 s per case after 0.3 s warm-up (default: 3 s after 1 s)."),
                Parameter.flag("settings-only", "Print the kernel settings and stop."),
                Parameter.value("variant", "nio", "Server to tune; it must take the nodelay/sndbuf/rcvbuf options."));
    }

    @Override
    public int run(Context context) throws Exception {
        PrintWriter pw = context.out();
        StringBuilder md = new StringBuilder("# lab tune — ").append(LocalDateTime.now().withNano(0)).append("\n\n");

        TextTable settings = new TextTable("setting", "value here", "what it governs");
        new KernelSettings().read().forEach(s -> settings.row(s.name(), s.value().orElse("(unreadable)"), s.meaning()));
        pw.println("Kernel TCP settings (read from /proc/sys; lab tune never changes them):");
        pw.println(settings.toTerminal());
        md.append("## Kernel settings\n\n").append(settings.toMarkdown()).append('\n');
        if (context.flag("settings-only")) {
            return 0;
        }

        boolean quick = context.flag("quick");
        String variant = context.value("variant");
        TuneExperiment experiment = new TuneExperiment(variant,
                quick ? Duration.ofSeconds(1) : Duration.ofSeconds(3), quick ? Duration.ofMillis(300) : Duration.ofSeconds(1));

        List<TuneExperiment.Case> nagle = experiment.nagle(context::progress);
        TextTable nagleTable = table(nagle, true);
        pw.println("Nagle and delayed ACKs: 1 connection, 64 B messages, one in flight, server '" + variant + "'; "
                + TuneExperiment.placement());
        pw.println(nagleTable.toTerminal());
        md.append("## Nagle and delayed ACKs\n\n").append(nagleTable.toMarkdown()).append('\n');

        List<TuneExperiment.Case> buffers = experiment.buffers(context::progress);
        TextTable bufferTable = table(buffers, false);
        pw.println("Socket buffers: 4 connections, 64 KiB messages, 4 in flight each; " + TuneExperiment.placement());
        pw.println(bufferTable.toTerminal());
        md.append("## Socket buffers\n\n").append(bufferTable.toMarkdown()).append('\n');

        String notes = TuneExperiment.loopbackNotes();
        pw.println(notes);
        md.append("## What loopback cannot show\n\n").append(notes).append('\n');

        Path file = ReportFiles.withExtension(context.reportBase("tune"), "md");
        Files.writeString(file, md.toString());
        pw.println("wrote " + file);

        List<TuneExperiment.Case> all = new ArrayList<>(nagle);
        all.addAll(buffers);
        return all.stream().allMatch(c -> c.report().clean()) ? 0 : 1;
    }

    /** Figures beside the first (baseline) case: latency for Nagle, bandwidth for buffers. */
    static TextTable table(List<TuneExperiment.Case> cases, boolean latencyFirst) {
        List<String> header = new ArrayList<>(List.of("case", "msgs/s", "MB/s", "p50 µs", "p99 µs", "errors",
                latencyFirst ? "p50 vs baseline" : "MB/s vs default"));
        if (!latencyFirst) {
            // What the kernel really gave each end (send / receive), read back during the run.
            header.addAll(List.of("server snd / rcv", "client snd / rcv"));
        }
        TextTable table = new TextTable(header.toArray(String[]::new));
        LoadReport base = cases.getFirst().report();
        for (TuneExperiment.Case c : cases) {
            LoadReport r = c.report();
            String ratio = latencyFirst
                    ? (base.latency().p50() == 0 ? "-" : fmt("%.1f×", r.latency().p50() / base.latency().p50()))
                    : (base.megabytesPerSecond() == 0 ? "-" : fmt("%.2f×", r.megabytesPerSecond() / base.megabytesPerSecond()));
            List<Object> cells = new ArrayList<>(List.of(c.label(), fmt("%,.0f", r.messagesPerSecond()),
                    fmt("%,.1f", r.megabytesPerSecond()), fmt("%,.0f", r.latency().p50()), fmt("%,.0f", r.latency().p99()),
                    r.errorCount() + r.connectFailures(), ratio));
            if (!latencyFirst) {
                cells.add(SocketBuffers.describe(c.serverBuffers()));
                cells.add(SocketBuffers.describe(c.clientBuffers()));
            }
            table.row(cells.toArray());
        }
        return table;
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
