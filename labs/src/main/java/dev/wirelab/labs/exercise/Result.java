package dev.wirelab.labs.exercise;

import java.util.List;

/**
 * What grading one exercise found.
 *
 * @param exercise the exercise's id
 * @param status   {@link Status#PASS} when every test passed, {@link Status#FAIL} when one failed,
 *                 {@link Status#ERROR} when the tests could not run (the files do not compile)
 * @param message  for {@code ERROR}, why (the compile errors, rendered); otherwise null
 * @param tests    one entry per test that ran
 */
public record Result(String exercise, Status status, String message, List<TestOutcome> tests) {

    /** Exercism's three words for a run and for a test. */
    public enum Status {
        PASS, FAIL, ERROR;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One test: its name, how it ended, and for a failure the message and where.
     *
     * @param timedOut whether it was stopped by the time limit (its status is then ERROR)
     * @param location {@code UdpViewTest.java:42}: the first line in the exercise's own files on the failure's stack
     * @param output   what the test printed (stdout and stderr), possibly empty
     */
    public record TestOutcome(String name, Status status, String message, boolean timedOut, String location, String output) {
    }

    public Result {
        tests = List.copyOf(tests);
    }

    public long passed() {
        return tests.stream().filter(t -> t.status() == Status.PASS).count();
    }

    /** Tests that did not pass; a run that could not compile counts as one failed check. */
    public long failed() {
        long failed = tests.stream().filter(t -> t.status() != Status.PASS).count();
        return status == Status.ERROR && tests.isEmpty() ? 1 : failed;
    }

    public boolean passedAll() {
        return status == Status.PASS;
    }
}
