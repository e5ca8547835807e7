package dev.wirelab.labs.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code lab dev}: commands for instructors and course authors. */
@Command(name = "dev", mixinStandardHelpOptions = true,
        description = "Instructor commands: dev check proves that every exercise bites.",
        subcommands = DevCheckCommand.class)
public final class DevCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
