package dev.wirelab.core.experiment;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * A measurement a student runs with {@code lab experiment NAME}: backpressure, work stealing,
 * zero-copy file serving, socket tuning. The lesson itself is a class with its prose (the
 * idea, the baseline, the approaches); an {@code Experiment} is the small adapter that lets
 * the lab list it, parse its options and run it.
 *
 * <p>Experiments are found with {@link ServiceLoader}, like the echo servers: a module lists
 * its experiments in {@code META-INF/services/dev.wirelab.core.experiment.Experiment}. That is
 * why a lesson may live in the module whose code it teaches (sendfile in nio-echo) while the
 * lab, which may import no variant's classes, still runs it.
 */
public interface Experiment {

    /** The name after {@code lab experiment}: short, lowercase ({@code flow}). */
    String name();

    /** One complete sentence for {@code lab experiment --help}. */
    String summary();

    /** The lesson class whose prose explains this experiment: where a reader goes next. */
    Class<?> lesson();

    /** The options this experiment takes, in the order {@code --help} lists them. */
    default List<Parameter> parameters() {
        return List.of();
    }

    /**
     * Runs the experiment and prints its results.
     *
     * @return the exit code: 0 when every measurement ran cleanly, 1 when one saw errors
     * @throws IllegalArgumentException for a bad option value (the lab prints its message as one line, exit 2)
     */
    int run(Context context) throws Exception;

    /**
     * One option, always spelled {@code --name}.
     *
     * @param name         without the dashes ({@code seconds})
     * @param defaultValue the value when the option is not given; {@code "false"} for a flag
     * @param description  one line for {@code --help}
     * @param flag         true for an on/off switch that takes no value
     */
    record Parameter(String name, String defaultValue, String description, boolean flag) {

        public static Parameter value(String name, String defaultValue, String description) {
            return new Parameter(name, defaultValue, description, false);
        }

        public static Parameter flag(String name, String description) {
            return new Parameter(name, "false", description, true);
        }
    }

    /** What the lab hands an experiment: the option values and the places results go. */
    interface Context {

        /** Where the results are printed. */
        PrintWriter out();

        /** A step has started ("measuring nagle: baseline"); shown while the experiment runs. */
        void progress(String step);

        /** The value of one of {@link #parameters()}, its default when not given. */
        String value(String parameter);

        default boolean flag(String parameter) {
            return Boolean.parseBoolean(value(parameter));
        }

        /** A duration option in seconds, more than 0 and at most {@code max}, as at least a millisecond. */
        default java.time.Duration seconds(String parameter, double max) {
            String raw = value(parameter);
            double v;
            try {
                v = Double.parseDouble(raw);
            } catch (NumberFormatException e) {
                v = Double.NaN;
            }
            if (!(v > 0 && v <= max)) {
                throw new IllegalArgumentException("--" + parameter + " must be more than 0 and at most " + plain(max)
                        + ", was " + raw);
            }
            return java.time.Duration.ofMillis(Math.max(1, Math.round(v * 1000)));
        }

        /** A whole-number option; anything else is a one-line error. */
        default long integer(String parameter) {
            String raw = value(parameter);
            try {
                return Long.parseLong(raw.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + parameter + " must be a whole number, was '" + raw + "'");
            }
        }

        /**
         * A fresh report path for this run, without extension ({@code reports/flow-20261201-2301}):
         * nothing that exists is overwritten.
         */
        Path reportBase(String prefix) throws java.io.IOException;

        /**
         * Draws a line chart as a PNG: one line per entry of {@code series}, each a pair of
         * arrays {x values, y values}.
         */
        void lineChart(Path png, String title, String xLabel, String yLabel, boolean logY,
                       Map<String, double[][]> series) throws java.io.IOException;
    }

    /** Every experiment on the class path, sorted by name. */
    static List<Experiment> all() {
        return ServiceLoader.load(Experiment.class).stream()
                .map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparing(Experiment::name))
                .toList();
    }

    /** The experiment with this name, if one is on the class path. */
    static Optional<Experiment> named(String name) {
        return all().stream().filter(e -> e.name().equals(name)).findFirst();
    }

    private static String plain(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
