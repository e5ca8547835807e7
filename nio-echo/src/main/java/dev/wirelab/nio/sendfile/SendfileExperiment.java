package dev.wirelab.nio.sendfile;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

import dev.wirelab.nio.sendfile.SendfileLesson.Method;

/**
 * The measuring half of {@link SendfileLesson}: serves one temporary file over loopback with
 * each {@link Method}, round after round, and reports throughput and CPU.
 *
 * <p>What each figure means:
 * <ul>
 *   <li><b>MiB/s</b>: file size over wall time, from the sender's connect until the receiver
 *       has counted the last byte;</li>
 *   <li><b>sender CPU</b>: CPU time of the sending thread (user + system, from
 *       {@link java.lang.management.ThreadMXBean}); the kernel's work inside {@code read},
 *       {@code write} or {@code sendfile} is charged to this thread as system time, so this is
 *       the cost the method itself causes;</li>
 *   <li><b>process CPU</b>: the whole JVM ({@code OperatingSystemMXBean.getProcessCpuTime}),
 *       which adds the receiver (the same work for every method), GC and JIT.</li>
 * </ul>
 * Rounds interleave the methods (heap, direct, transferTo, heap, ...) so that a noisy
 * neighbour on a shared machine hurts all of them alike; the report gives medians and the
 * ratio to the heap baseline, which is the number worth comparing across machines.
 *
 * <p>Where it simplifies: one connection, loopback, a file that is already in the page cache.
 * That isolates the copying cost, which is exactly what zero-copy changes; a server limited
 * by its disk or its NIC sees a different mix.
 */
public final class SendfileExperiment {

    /** The largest file the experiment will create: it lives in the temp directory while it runs. */
    public static final long MAX_FILE_BYTES = 1L << 30;
    public static final int MAX_ROUNDS = 50;

    private static final int RECEIVE_BUFFER = 256 * 1024;

    private SendfileExperiment() {
    }

    /** One transfer of the whole file with one method. */
    public record Measurement(Method method, long bytes, long wallNanos, long senderCpuNanos, long processCpuNanos) {

        public double mebibytesPerSecond() {
            return bytes / (1024.0 * 1024.0) / (wallNanos / 1e9);
        }
    }

    /** Every measured transfer, plus the medians and ratios a reader wants. */
    public record Report(long fileBytes, int rounds, List<Measurement> measurements) {

        public Report {
            measurements = List.copyOf(measurements);
        }

        /** Median of one figure over the rounds of one method. */
        public double median(Method method, ToDoubleFunction<Measurement> figure) {
            double[] values = measurements.stream().filter(m -> m.method() == method).mapToDouble(figure).sorted().toArray();
            if (values.length == 0) {
                throw new IllegalArgumentException("no measurement for " + method);
            }
            int mid = values.length / 2;
            return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
        }

        /**
         * CPU milliseconds per GiB over all rounds of one method: a total, not a median, because
         * the process CPU clock ticks coarsely (10 ms on many Linux VMs) and one transfer is short.
         */
        public double cpuMillisPerGibibyte(Method method, ToLongFunction<Measurement> cpuNanos) {
            long cpu = 0;
            long bytes = 0;
            for (Measurement m : measurements) {
                if (m.method() == method) {
                    cpu += cpuNanos.applyAsLong(m);
                    bytes += m.bytes();
                }
            }
            return cpu / 1e6 / (bytes / (double) (1L << 30));
        }

        public String toMarkdown() {
            StringBuilder out = new StringBuilder();
            out.append(String.format("Serving a %d MiB file over loopback, %d rounds (MiB/s: median; CPU: total over"
                            + " the rounds); JDK %s, %d cores%n%n",
                    fileBytes >> 20, rounds, Runtime.version(), Runtime.getRuntime().availableProcessors()));
            out.append("| method | MiB/s | sender CPU ms/GiB | process CPU ms/GiB | throughput vs heap | sender CPU vs heap |\n");
            out.append("|---|---:|---:|---:|---:|---:|\n");
            double heapRate = median(Method.HEAP_COPY, Measurement::mebibytesPerSecond);
            double heapCpu = cpuMillisPerGibibyte(Method.HEAP_COPY, Measurement::senderCpuNanos);
            for (Method m : Method.values()) {
                double rate = median(m, Measurement::mebibytesPerSecond);
                double cpu = cpuMillisPerGibibyte(m, Measurement::senderCpuNanos);
                out.append(String.format("| %s | %.0f | %.0f | %.0f | %.2f× | %.2f× |%n", m.label(), rate, cpu,
                        cpuMillisPerGibibyte(m, Measurement::processCpuNanos), rate / heapRate, cpu / heapCpu));
            }
            return out.toString();
        }
    }

    /**
     * Creates a temporary file of {@code fileBytes}, serves it {@code rounds} times with each
     * method after one unrecorded warm-up round, and deletes it again.
     */
    public static Report run(long fileBytes, int rounds) throws IOException, InterruptedException {
        if (fileBytes < 1 || fileBytes > MAX_FILE_BYTES) {
            throw new IllegalArgumentException("file size must be 1 B..1 GiB, was " + fileBytes + " B");
        }
        if (rounds < 1 || rounds > MAX_ROUNDS) {
            throw new IllegalArgumentException("rounds must be 1.." + MAX_ROUNDS + ", was " + rounds);
        }
        Path file = Files.createTempFile("wirelab-sendfile-", ".bin");
        ExecutorService receiverThread = Executors.newSingleThreadExecutor();
        try (ServerSocketChannel receiver = ServerSocketChannel.open()) {
            receiver.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            writeTestFile(file, fileBytes);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                // Warm-up: JIT, page cache, TCP buffer auto-tuning. Not recorded.
                for (Method m : Method.values()) {
                    measure(m, channel, receiver, receiverThread);
                }
                List<Measurement> all = new ArrayList<>();
                for (int round = 0; round < rounds; round++) {
                    for (Method m : Method.values()) {
                        all.add(measure(m, channel, receiver, receiverThread));
                    }
                }
                return new Report(fileBytes, rounds, all);
            }
        } finally {
            receiverThread.shutdownNow();
            Files.deleteIfExists(file);
        }
    }

    private static Measurement measure(Method method, FileChannel file, ServerSocketChannel receiver,
                                       ExecutorService receiverThread) throws IOException, InterruptedException {
        var threads = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Future<Long> received = receiverThread.submit(() -> drainOne(receiver));

        long cpu0 = threads.getCurrentThreadCpuTime();
        long process0 = os.getProcessCpuTime();
        long start = System.nanoTime();
        long sent;
        try (SocketChannel out = SocketChannel.open(receiver.getLocalAddress())) {
            sent = method.send(file, out);
        }
        long got = await(received);
        long wall = System.nanoTime() - start;
        long cpu = threads.getCurrentThreadCpuTime() - cpu0;
        long process = os.getProcessCpuTime() - process0;

        if (sent != file.size() || got != sent) {
            throw new IllegalStateException(method + " sent " + sent + " B and the receiver got " + got
                    + " B of a " + file.size() + " B file");
        }
        return new Measurement(method, sent, wall, cpu, process);
    }

    /** The receiving side: accept one connection and count its bytes until end of stream. */
    private static long drainOne(ServerSocketChannel receiver) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocateDirect(RECEIVE_BUFFER);
        long total = 0;
        try (SocketChannel in = receiver.accept()) {
            int n;
            while ((n = in.read(buffer.clear())) >= 0) {
                total += n;
            }
        }
        return total;
    }

    private static long await(Future<Long> received) throws IOException, InterruptedException {
        try {
            return received.get(2, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            throw new IOException("the receiver failed", e.getCause());
        } catch (TimeoutException e) {
            received.cancel(true);
            throw new IOException("the receiver did not finish within 2 minutes", e);
        }
    }

    /** Pseudo-random bytes (a fixed seed), so nothing along the path can compress or dedupe them. */
    static void writeTestFile(Path file, long size) throws IOException {
        SplittableRandom random = new SplittableRandom(2024);
        byte[] chunk = new byte[1 << 20];
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            for (long written = 0; written < size; ) {
                random.nextBytes(chunk);
                int length = (int) Math.min(chunk.length, size - written);
                ByteBuffer buffer = ByteBuffer.wrap(chunk, 0, length);
                while (buffer.hasRemaining()) {
                    written += out.write(buffer);
                }
            }
        }
    }
}
