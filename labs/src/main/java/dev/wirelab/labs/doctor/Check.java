package dev.wirelab.labs.doctor;

import java.util.Objects;

/**
 * One line of {@code lab doctor}: what was checked, what was found, and how to fix it.
 *
 * @param name     short name of the thing checked ("JDK", "Jupyter")
 * @param status   OK, MISSING (optional piece absent) or FAILED (required piece absent)
 * @param detail   what was found, in words
 * @param fix      one line telling the user what to do; empty when nothing is to be done
 * @param required whether wirelab cannot run without it
 */
public record Check(String name, Status status, String detail, String fix, boolean required) {

    public Check {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(fix, "fix");
    }

    public enum Status {
        OK("ok"), MISSING("--"), FAILED("FAIL");

        private final String mark;

        Status(String mark) {
            this.mark = mark;
        }

        public String mark() {
            return mark;
        }
    }

    public static Check ok(String name, String detail) {
        return new Check(name, Status.OK, detail, "", false);
    }

    /** A piece the lab can run without, at the cost of some chapters. */
    public static Check optional(String name, String detail, String fix) {
        return new Check(name, Status.MISSING, detail, fix, false);
    }

    /** A piece the lab cannot run without. */
    public static Check required(String name, String detail, String fix) {
        return new Check(name, Status.FAILED, detail, fix, true);
    }

    public boolean failsRequirement() {
        return required && status == Status.FAILED;
    }
}
