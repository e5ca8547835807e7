/**
 * JMH benchmarks. Every class is named {@code <Subject>Benchmark}, takes its shared
 * defaults from one base class, names its variants in an enum {@code @Param}, carries a
 * baseline, and consumes its results.
 */
package dev.wirelab.bench;
