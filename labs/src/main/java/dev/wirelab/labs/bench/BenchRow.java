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
 */
public record BenchRow(String benchmarkClass, String group, String label, double score, double error, String unit,
                       boolean higherIsBetter, OptionalDouble bytesPerOp) {
}
