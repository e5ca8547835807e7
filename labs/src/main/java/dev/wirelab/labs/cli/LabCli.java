package dev.wirelab.labs.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Properties;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code lab} command: one entry point for everything a student runs.
 *
 * <p>Each subcommand is a small class in this package; this class only wires them
 * together and turns errors into one clear line and a non-zero exit code.
 */
@Command(name = "lab",
        mixinStandardHelpOptions = true,
        versionProvider = LabCli.Version.class,
        description = "wirelab: high-performance network programming on the JVM, measured.",
        subcommands = {DoctorCommand.class, TourCommand.class, VariantsCommand.class, ServeCommand.class, LoadCommand.class,
            BenchCommand.class, ExperimentCommand.class, QuizCommand.class, NotebookCommand.class,
            ListCommand.class, CheckCommand.class, HintCommand.class, WatchCommand.class, ResetCommand.class,
            DevCommand.class, ExportStudentCommand.class, NetCommand.class})
public final class LabCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Where interactive commands ({@code lab quiz}) read what the user types. */
    private final InputStream in;

    LabCli(InputStream in) {
        this.in = in;
    }

    InputStream in() {
        return in;
    }

    @Override
    public void run() {
        // `lab` with no subcommand: show what there is to do.
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the CLI with the given streams and returns the exit code (tests call this). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return execute(System.in, out, err, args);
    }

    /** Runs the CLI reading user input from {@code in} (tests script the answers this way). */
    public static int execute(InputStream in, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = commandLine(in);
        cli.setOut(out);
        cli.setErr(err);
        // Bad input is one line naming the command and the problem, then exit code 2 (usage).
        cli.setParameterExceptionHandler((ex, badArgs) -> {
            CommandLine.Model.CommandSpec failed = ex.getCommandLine().getCommandSpec();
            ex.getCommandLine().getErr().println(failed.qualifiedName() + ": " + ex.getMessage()
                    + " (see '" + failed.qualifiedName() + " --help')");
            return CommandLine.ExitCode.USAGE;
        });
        // An exception inside a command is reported as one line, not a stack trace.
        cli.setExecutionExceptionHandler((ex, line, parsed) -> {
            line.getErr().println("lab: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            return 1;
        });
        return cli.execute(args);
    }

    /** The whole command tree: the annotated commands plus one subcommand per experiment found on the class path. */
    static CommandLine commandLine(InputStream in) {
        CommandLine cli = new CommandLine(new LabCli(in));
        ExperimentCommand.install(cli);
        return cli;
    }

    /** Reports the version the build stamped into {@code version.properties}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "wirelab " + projectVersion(),
                "JVM " + Runtime.version() + " (" + System.getProperty("java.vm.vendor") + ")"
            };
        }
    }

    static String projectVersion() {
        try (InputStream in = LabCli.class.getResourceAsStream("/dev/wirelab/labs/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
