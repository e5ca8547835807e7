/**
 * The {@code lab} command line (picocli). {@link dev.wirelab.labs.cli.LabCli} wires the
 * subcommands and turns errors into one line and an exit code (2 for bad input, 1 for a
 * failed run); each {@code *Command} class parses its options and hands the work to the
 * package that does it ({@code tour}, {@code bench}, {@code quiz}, core's load generator and
 * servers). {@link dev.wirelab.labs.cli.ExperimentCommand} builds one subcommand per
 * {@code Experiment} found on the class path, and {@code lab tune} as an alias of
 * {@code lab experiment tune}.
 */
package dev.wirelab.labs.cli;
