package dev.wirelab.labs.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.wirelab.labs.notebook.CourseRun;
import dev.wirelab.labs.notebook.Jupyter;
import dev.wirelab.labs.notebook.KernelSpec;
import dev.wirelab.labs.notebook.Notebook;
import dev.wirelab.labs.quiz.QuizBank;
import dev.wirelab.labs.report.ReportFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lab notebook}: installs the {@code wirelab} Java kernel into a Jupyter directory the
 * lab owns ({@code labs/target/jupyter}), then serves the course, or executes it headless.
 */
@Command(name = "notebook", mixinStandardHelpOptions = true,
        description = {"Open the notebook course in Jupyter (installs the 'Java 25 (wirelab)' kernel first).",
                "Needs: " + Jupyter.APT_LINE})
public final class NotebookCommand implements Callable<Integer> {

    @Option(names = "--install-only", description = "Install the kernelspec and stop.")
    boolean installOnly;

    @Option(names = "--check", description = "Execute every notebook headless; exit 1 naming the notebook and cell of the first error.")
    boolean check;

    @Option(names = "--render", description = "Execute every notebook headless and write HTML to reports/notebooks/.")
    boolean render;

    @Option(names = "--only", paramLabel = "NAME", split = ",",
            description = "With --check/--render: only notebooks whose name starts with NAME (05, 05-backpressure).")
    List<String> only;

    @Option(names = "--cell-timeout", paramLabel = "SECONDS", defaultValue = "180",
            description = "With --check/--render: the limit per cell (default: ${DEFAULT-VALUE}).")
    int cellTimeout;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "1",
            description = "With --check: run N notebooks at once (their figures then disturb each other; default: ${DEFAULT-VALUE}).")
    int jobs;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8888", description = "Port for jupyter notebook (default: ${DEFAULT-VALUE}; the next free one if taken).")
    int port;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (check && render) {
            throw new CommandLine.ParameterException(spec.commandLine(), "choose one of --check and --render");
        }
        if (jobs < 1 || (render && jobs != 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--jobs must be at least 1, and 1 with --render (its figures are kept)");
        }
        if (cellTimeout < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--cell-timeout must be at least 1 second");
        }
        Path root = ReportFiles.projectRoot();
        Path notebooks = root.resolve("notebooks");
        Optional<Path> jupyterExe = Jupyter.find();
        if (jupyterExe.isEmpty()) {
            err.println("lab notebook: jupyter is not on the PATH; install it: " + Jupyter.APT_LINE);
            return 1;
        }
        Jupyter jupyter = new Jupyter(jupyterExe.get(), root.resolve("labs").resolve("target").resolve("jupyter"));
        long kernelTimeout = check || render ? Duration.ofSeconds(cellTimeout).toMillis() : -1;
        Path kernelJson = KernelSpec.forCheckout(root, kernelTimeout).installInto(jupyter.dataDir());
        out.println("kernel   " + KernelSpec.DISPLAY_NAME + " installed: " + kernelJson);
        if (installOnly) {
            out.println("Use it with JUPYTER_PATH=" + jupyter.dataDir() + " jupyter notebook, or run lab notebook.");
            return 0;
        }
        if (check || render) {
            return executeAll(jupyter, notebooks, root, out, err);
        }
        return serve(jupyter, notebooks, out);
    }

    private int executeAll(Jupyter jupyter, Path notebooks, Path root, PrintWriter out, PrintWriter err) throws Exception {
        List<Path> selected = new ArrayList<>();
        for (Path nb : Notebook.list(notebooks)) {
            String name = nb.getFileName().toString();
            if (only == null || only.stream().anyMatch(name::startsWith)) {
                selected.add(nb);
            }
        }
        if (selected.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no notebook in " + notebooks
                    + (only == null ? "" : " starts with " + String.join(" or ", only)));
        }
        Path outDir = render
                ? ReportFiles.inDefaultDirectory().directory().resolve("notebooks").resolve("run-" + stamp())
                : Files.createTempDirectory("wirelab-notebooks");
        out.println("executing " + selected.size() + " notebook(s), up to " + cellTimeout + " s per cell ...");
        long start = System.nanoTime();
        CourseRun course = new CourseRun(jupyter, QuizBank.locate(), Duration.ofSeconds(cellTimeout),
                line -> { out.println(line); out.flush(); });
        List<CourseRun.Outcome> outcomes = course.runAll(selected, outDir, jobs);
        CourseRun.Outcome last = outcomes.getLast();
        if (!last.ok()) {
            err.println("lab notebook: " + last.problem().orElseThrow());
            err.println("(executed copy: " + last.executed() + ")");
            return 1;
        }
        if (render) {
            for (CourseRun.Outcome o : outcomes) {
                out.println("html     " + jupyter.renderHtml(o.executed(), outDir));
            }
        }
        out.printf("all %d notebook(s) ran without an error in %.1f s%n", outcomes.size(),
                (System.nanoTime() - start) / 1e9);
        return 0;
    }

    /** Starts {@code jupyter notebook} on the course and prints its URL once Jupyter says it. */
    private int serve(Jupyter jupyter, Path notebooks, PrintWriter out) throws Exception {
        List<String> args = new ArrayList<>(List.of("notebook", "--no-browser", "--ip=127.0.0.1",
                "--port=" + port, "--notebook-dir=" + notebooks));
        if ("root".equals(System.getProperty("user.name"))) {
            args.add("--allow-root"); // Jupyter refuses root without it; containers often run as root
        }
        Process p = jupyter.process(args, notebooks).start();
        Runtime.getRuntime().addShutdownHook(new Thread(p::destroy));
        Pattern url = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/\\S*)");
        boolean announced = false;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                Matcher m = url.matcher(line);
                if (!announced && m.find()) {
                    announced = true;
                    out.println("notebooks " + m.group(1));
                    out.println("Open that URL, start with 00-start-here.ipynb (kernel: " + KernelSpec.DISPLAY_NAME
                            + "). Ctrl-C stops Jupyter.");
                } else if (line.contains("ERROR") || line.contains("Error")) {
                    out.println("jupyter: " + line);
                }
                out.flush();
            }
        }
        return p.waitFor() == 0 ? 0 : 1;
    }

    private static String stamp() {
        return java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(LocalDateTime.now());
    }
}
