package dev.wirelab.labs.cli;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.wirelab.labs.exercise.Course;
import dev.wirelab.labs.exercise.Exercise;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lab reset ID}: put the starter files back. The starters come from the copy built
 * into the lab (the build packs {@code exercises/} into the labs jar); the student's version
 * is first copied to {@code exercises/ID/.backup/}, and nothing is overwritten without a yes.
 */
@Command(name = "reset", mixinStandardHelpOptions = true,
        description = "Put an exercise's starter files back (asks first; keeps a backup of yours).")
public final class ResetCommand implements Callable<Integer> {

    /** Where the build puts the starters inside the labs jar. */
    static final String STARTERS = "/wirelab-exercises/";

    @Parameters(paramLabel = "ID", description = "Exercise id or number.")
    String id;

    @Option(names = {"-y", "--yes"}, description = "Do not ask.")
    boolean yes;

    @CommandLine.Mixin
    CourseDir where = new CourseDir();

    @CommandLine.ParentCommand
    LabCli lab;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Course course = where.course();
        Exercise e = CourseDir.exercise(course, id, spec);
        PrintWriter out = spec.commandLine().getOut();

        // Phase 1: find every starter and what differs from it; refuse a copy that is not a starter.
        Map<Path, String> changed = new LinkedHashMap<>();
        for (String f : e.files()) {
            String starter = starter(e, f);
            Path file = course.dir(e).resolve(f);
            if (!Files.isRegularFile(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(starter)) {
                changed.put(file, starter);
            }
        }
        if (changed.isEmpty()) {
            out.println(e.id() + " already holds its starter files; nothing to reset.");
            return 0;
        }
        // Phase 2: ask.
        if (!yes) {
            out.print("Overwrite " + changed.size() + " file(s) of " + e.id() + " with the starter? Your version is kept in exercises/"
                    + e.id() + "/.backup/ [y/N] ");
            out.flush();
            String answer = new BufferedReader(new InputStreamReader(input(), StandardCharsets.UTF_8)).readLine();
            if (answer == null || !answer.trim().toLowerCase().startsWith("y")) {
                out.println("Left " + e.id() + " as it was.");
                return 0;
            }
        }
        // Phase 3: back up, then write.
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path backup = course.dir(e).resolve(".backup").resolve(stamp);
        for (Map.Entry<Path, String> file : changed.entrySet()) {
            if (Files.isRegularFile(file.getKey())) {
                Path copy = backup.resolve(course.dir(e).relativize(file.getKey()));
                Files.createDirectories(copy.getParent());
                Files.copy(file.getKey(), copy);
            }
            Files.createDirectories(file.getKey().getParent());
            Files.writeString(file.getKey(), file.getValue(), StandardCharsets.UTF_8);
        }
        course.progress().set(e.id(), false);
        out.println("Reset " + e.id() + " to its starter" + (Files.isDirectory(backup) ? "; your version is in "
                + course.root().relativize(backup) : "") + ".");
        return 0;
    }

    private InputStream input() {
        return lab == null ? System.in : lab.in();
    }

    /** The starter as built into the lab; a copy without a TODO was built from solved files and is refused. */
    private String starter(Exercise e, String file) throws Exception {
        try (InputStream in = ResetCommand.class.getResourceAsStream(STARTERS + e.id() + "/" + file)) {
            if (in == null) {
                throw new IllegalStateException("this lab was built without the starter of " + e.id() + "/" + file
                        + "; rebuild it (./mvnw -pl labs -am package) or take the file from git");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!text.contains("// TODO")) {
                throw new IllegalStateException("the lab's copy of " + e.id() + "/" + file
                        + " has no TODO, so it was built from edited files; take the starter from git instead");
            }
            return text;
        }
    }
}
