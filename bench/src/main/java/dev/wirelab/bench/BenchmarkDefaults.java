package dev.wirelab.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Shared defaults for every wirelab benchmark: JMH reads these annotations from the
 * superclass, so each benchmark states only what is special about it.
 *
 * <p>The defaults are a real measurement on a small machine (one fork, 3 × 1 s warm-up,
 * 5 × 1 s measurement). {@code lab bench --quick} shortens them further for notebooks and
 * CI, where the point is that the benchmark runs and the ratios have the right sign, not
 * that the third digit is right.
 *
 * <p>The forked JVM gets the flags the modules need: the Vector API for {@code simd},
 * native access for Netty's epoll/io_uring, and {@code sun.misc.Unsafe} access for Akka.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {
    "--add-modules", "jdk.incubator.vector",
    "--enable-native-access=ALL-UNNAMED",
    "--sun-misc-unsafe-memory-access=allow",
    "-Xms1g", "-Xmx1g"})
public abstract class BenchmarkDefaults {
}
