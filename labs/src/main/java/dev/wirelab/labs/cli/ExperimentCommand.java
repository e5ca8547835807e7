package dev.wirelab.labs.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import dev.wirelab.core.experiment.Experiment;
import dev.wirelab.labs.report.Charts;
import dev.wirelab.labs.report.ReportFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code lab experiment NAME}: every {@link Experiment} on the class path (found with
 * {@code ServiceLoader}: flow and sched from core, sendfile from nio-echo, tune from labs)
 * becomes a subcommand, its options built from {@link Experiment#parameters()}. The lab knows
 * no experiment's classes, so a module adds one by listing it in its services file.
 */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = "Run a measured lesson by name and print its results (the list: lab experiment --help).")
public final class ExperimentCommand implements Runnable {

    /** The experiment that also has a top-level command of its own. */
    static final String TUNE = "tune";

    @CommandLine.Spec
    CommandSpec spec;

    @Override
    public void run() {
        // `lab experiment` alone: say which experiments there are.
        throw new CommandLine.ParameterException(spec.commandLine(), "name an experiment: "
                + Experiment.all().stream().map(e -> "'lab experiment " + e.name() + "'").collect(Collectors.joining(", ")));
    }

    /** Adds every experiment under {@code lab experiment}, and {@code lab tune} as an alias of {@code lab experiment tune}. */
    static void install(CommandLine root) {
        CommandLine experiments = root.getSubcommands().get("experiment");
        for (Experiment e : Experiment.all()) {
            experiments.addSubcommand(e.name(), new CommandLine(spec(e)));
            if (e.name().equals(TUNE)) {
                root.addSubcommand(TUNE, new CommandLine(spec(e)));
            }
        }
    }

    /** A picocli command for one experiment: its summary, its options, {@code --out}, and a call that runs it. */
    static CommandSpec spec(Experiment experiment) {
        Runner runner = new Runner(experiment);
        CommandSpec spec = CommandSpec.wrapWithoutInspection(runner);
        runner.spec = spec;
        spec.name(experiment.name()).mixinStandardHelpOptions(true);
        spec.versionProvider(new LabCli.Version());
        spec.usageMessage().description(experiment.summary(), "The lesson: " + experiment.lesson().getName());
        for (Experiment.Parameter p : experiment.parameters()) {
            String text = p.description().endsWith(".") ? p.description().substring(0, p.description().length() - 1)
                    : p.description();
            OptionSpec.Builder option = OptionSpec.builder("--" + p.name())
                    .description(text + (p.flag() ? "" : " (default: " + p.defaultValue() + ")") + ".");
            if (p.flag()) {
                option.arity("0").type(boolean.class);
            } else {
                option.arity("1").type(String.class).paramLabel(p.name().toUpperCase(java.util.Locale.ROOT))
                        .defaultValue(p.defaultValue());
            }
            spec.addOption(option.build());
        }
        spec.addOption(OptionSpec.builder("--out").arity("1").type(Path.class).paramLabel("DIR")
                .description("report folder (default: reports/ under the project)").build());
        return spec;
    }

    /** Runs one experiment with the values picocli parsed. */
    private static final class Runner implements Callable<Integer> {

        private final Experiment experiment;
        private CommandSpec spec;

        Runner(Experiment experiment) {
            this.experiment = experiment;
        }

        @Override
        public Integer call() throws Exception {
            Context context = new Context(spec);
            try {
                return experiment.run(context);
            } catch (IllegalArgumentException e) {
                // A bad option value: one line and the usage exit code, like every other bad input.
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
            } finally {
                context.out().flush();
            }
        }
    }

    /** The lab's side of an experiment run: option values, the terminal, reports and charts. */
    static final class Context implements Experiment.Context {

        private final CommandSpec spec;

        Context(CommandSpec spec) {
            this.spec = spec;
        }

        @Override
        public PrintWriter out() {
            return spec.commandLine().getOut();
        }

        @Override
        public void progress(String step) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("  measuring " + step);
            err.flush();
        }

        @Override
        public String value(String parameter) {
            OptionSpec option = spec.findOption("--" + parameter);
            if (option == null) {
                throw new IllegalStateException("experiment " + spec.name() + " asked for --" + parameter
                        + ", which it does not declare");
            }
            Object v = option.getValue();
            return String.valueOf(v == null ? option.defaultValue() : v);
        }

        @Override
        public Path reportBase(String prefix) throws IOException {
            Path dir = spec.findOption("--out").getValue();
            return ReportFiles.orDefault(dir).reserve(prefix, LocalDateTime.now(), "md", "png", "json");
        }

        @Override
        public void lineChart(Path png, String title, String xLabel, String yLabel, boolean logY,
                              Map<String, double[][]> series) throws IOException {
            Charts.lines(png, title, xLabel, yLabel, false, logY, series);
        }
    }
}
