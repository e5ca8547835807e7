package dev.wirelab.labs.bench;

import java.util.OptionalDouble;

/**
 * One measured benchmark, reduced to what the ratio table shows.
 *
 * @param benchmarkClass simple class name ({@code CounterBenchmark})
 * @param group          the rows that may be compared with this one: same class, same condition
 *                       (the method-name suffix after the last {@code _}, e.g. {@code 2threads}) and
 *                       same parameters except the variant ({@code kind}, {@code variant}, {@code impl})
 * @param label          method and parameters ({@code increment_2threads kind=LONG_ADDER})
 * @param score          the primary score
 * @param error          its 99.9% confidence half-width (NaN with too few samples)
 * @param unit           the score's unit ({@code ops/s})
 * @param higherIsBetter true for throughput, false for time per operation
 * @param bytesPerOp     normalised allocation from {@code -prof gc}, if it was measured
 * @param forkSpread     the best fork's score over the worst fork's (1.0 or more, whichever
 *                       direction is better); NaN with fewer than two forks
 */
public record BenchRow(String benchmarkClass, String group, String label, double score, double error, String unit,
                       boolean higherIsBetter, OptionalDouble bytesPerOp, double forkSpread) {

    /** A row whose forks were not compared (one fork, or made by hand). */
    public BenchRow(String benchmarkClass, String group, String label, double score, double error, String unit,
                    boolean higherIsBetter, OptionalDouble bytesPerOp) {
        this(benchmarkClass, group, label, score, error, unit, higherIsBetter, bytesPerOp, Double.NaN);
    }
}
