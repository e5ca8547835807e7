package dev.wirelab.labs.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import dev.wirelab.labs.doctor.Check;
import dev.wirelab.labs.doctor.Doctor;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code lab doctor}: what this machine has, and one line with the fix for each missing piece. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Check the JDK, cores, memory, Vector API, each server variant's native options, Jupyter and qdiscs; print a fix for each gap.")
public final class DoctorCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Check> checks = new Doctor().run();
        int width = checks.stream().mapToInt(c -> c.name().length()).max().orElse(10);
        for (Check c : checks) {
            out.printf("%-4s %-" + width + "s  %s%n", c.status().mark(), c.name(), c.detail());
            if (c.status() != Check.Status.OK && !c.fix().isEmpty()) {
                out.printf("     %-" + width + "s  fix: %s%n", "", c.fix());
            }
        }
        boolean requiredMissing = checks.stream().anyMatch(Check::failsRequirement);
        out.println(requiredMissing
                ? "Something wirelab needs is missing: see the fix lines above."
                : "Ready. Optional pieces marked '--' only limit what you can run.");
        return requiredMissing ? 1 : 0;
    }
}
