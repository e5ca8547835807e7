/**
 * The {@code lab} command line (picocli). {@link dev.wirelab.labs.cli.LabCli} wires the
 * subcommands and turns errors into one line and an exit code (2 for bad input, 1 for a
 * failed run); each {@code *Command} class parses its options and hands the work to the
 * package that does it ({@code tour}, {@code bench}, {@code tune}, {@code quiz}, core's
 * load generator and servers).
 */
package dev.wirelab.labs.cli;
