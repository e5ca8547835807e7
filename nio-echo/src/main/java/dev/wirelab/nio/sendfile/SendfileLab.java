package dev.wirelab.nio.sendfile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.wirelab.core.experiment.Experiment;

/**
 * {@code lab experiment sendfile}: runs {@link SendfileExperiment} for {@link SendfileLesson}
 * (read/write through a heap buffer, through a direct buffer, and {@code transferTo}), prints
 * its table and writes it as a Markdown report.
 *
 * <p>The lab may not import nio-echo's classes; it finds this class through the services file
 * {@code META-INF/services/dev.wirelab.core.experiment.Experiment}, as it finds the servers.
 */
public final class SendfileLab implements Experiment {

    @Override
    public String name() {
        return "sendfile";
    }

    @Override
    public String summary() {
        return "Zero-copy: serve one file over loopback by read/write through a heap buffer, through a direct "
                + "buffer and with FileChannel.transferTo (sendfile); throughput and CPU per GiB.";
    }

    @Override
    public Class<?> lesson() {
        return SendfileLesson.class;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.value("mib", "64", "Size of the temporary file, in MiB (1 to 1024)."),
                Parameter.value("rounds", "5", "Transfers per method after one warm-up round (1 to "
                        + SendfileExperiment.MAX_ROUNDS + ")."));
    }

    @Override
    public int run(Context context) throws IOException, InterruptedException {
        long mib = context.integer("mib");
        long rounds = context.integer("rounds");
        if (mib < 1 || mib > SendfileExperiment.MAX_FILE_BYTES >> 20) {
            throw new IllegalArgumentException("--mib must be 1 to " + (SendfileExperiment.MAX_FILE_BYTES >> 20) + ", was " + mib);
        }
        if (rounds < 1 || rounds > SendfileExperiment.MAX_ROUNDS) {
            throw new IllegalArgumentException("--rounds must be 1 to " + SendfileExperiment.MAX_ROUNDS + ", was " + rounds);
        }
        context.progress("sendfile: " + mib + " MiB x " + rounds + " rounds per method");
        String table = SendfileExperiment.run(mib << 20, (int) rounds).toMarkdown();
        context.out().print(table);
        Path base = context.reportBase("sendfile");
        Path file = base.resolveSibling(base.getFileName() + ".md");
        Files.writeString(file, "# lab experiment sendfile\n\n" + table);
        context.out().println("wrote " + file);
        return 0;
    }
}
