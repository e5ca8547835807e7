package dev.wirelab.core.load;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;

/**
 * The load generator's HTTP mode: closed-loop {@code GET}s over keep-alive connections,
 * optionally pipelined, for when {@code wrk} is not installed. Each connection is one
 * virtual thread that writes {@code pipeline} requests in one write, reads that many
 * responses (status line, fields, a Content-Length body), and goes again.
 *
 * <p>What it measures is what wrk measures: requests per second, the latency of each batch
 * from its write to its last response (every request in a batch is recorded with it, as wrk
 * does), transport errors, and responses whose status is not 2xx. It is a stand-in, not a
 * twin: wrk is written in C with an event loop and costs its core less per request, so on a
 * shared machine the two give different absolute figures. Compare variants within one run.
 */
public final class HttpLoad {

    /** What to send, where, for how long. */
    public record Spec(InetSocketAddress target, String path, int connections, int pipeline, Duration warmup,
                       Duration duration) {
        public Spec {
            if (connections < 1 || pipeline < 1) {
                throw new IllegalArgumentException("connections and pipeline must be at least 1");
            }
        }
    }

    /** The figures, in wrk's units (microseconds). */
    public record Result(long requests, Duration measured, long errors, long non2xx, double p50Micros, double p99Micros,
                         double maxMicros) {
        public double requestsPerSecond() {
            return requests * 1e9 / Math.max(1, measured.toNanos());
        }
    }

    private HttpLoad() {
    }

    public static Result run(Spec spec) throws InterruptedException {
        byte[] batch = batch(spec);
        long start = System.nanoTime();
        long measureFrom = start + spec.warmup().toNanos();
        long end = measureFrom + spec.duration().toNanos();
        AtomicLong requests = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong non2xx = new AtomicLong();
        List<Histogram> histograms = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < spec.connections(); i++) {
            Histogram histogram = new Histogram(3_600_000_000L, 3);
            histograms.add(histogram);
            threads.add(Thread.ofVirtual().name("http-load-" + i).start(() -> {
                try {
                    drive(spec, batch, measureFrom, end, histogram, requests, non2xx);
                } catch (IOException | RuntimeException e) {
                    errors.incrementAndGet();
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        Histogram all = new Histogram(3_600_000_000L, 3);
        histograms.forEach(all::add);
        return new Result(requests.get(), Duration.ofNanos(end - measureFrom), errors.get(), non2xx.get(),
                all.getValueAtPercentile(50) / 1000.0, all.getValueAtPercentile(99) / 1000.0, all.getMaxValue() / 1000.0);
    }

    private static byte[] batch(Spec spec) {
        String one = "GET " + spec.path() + " HTTP/1.1\r\nHost: " + spec.target().getHostString() + "\r\n\r\n";
        return one.repeat(spec.pipeline()).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void drive(Spec spec, byte[] batch, long measureFrom, long end, Histogram histogram, AtomicLong requests,
                              AtomicLong non2xx) throws IOException {
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(10_000);
            socket.connect(spec.target(), 10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            long now;
            while ((now = System.nanoTime()) < end) {
                out.write(batch);
                int bad = 0;
                for (int i = 0; i < spec.pipeline(); i++) {
                    bad += readResponse(in) / 100 == 2 ? 0 : 1;
                }
                long done = System.nanoTime();
                if (now >= measureFrom) {
                    histogram.recordValueWithCount(done - now, spec.pipeline());
                    requests.addAndGet(spec.pipeline());
                    non2xx.addAndGet(bad);
                }
            }
        }
    }

    /** Reads one response, returns its status; the body is skipped by its Content-Length. */
    private static int readResponse(InputStream in) throws IOException {
        String status = line(in);
        if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
            throw new IOException("not a status line: " + status);
        }
        long length = 0;
        for (String field = line(in); !field.isEmpty(); field = line(in)) {
            if (field.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Long.parseLong(field.substring(15).strip());
            }
        }
        in.skipNBytes(length); // throws EOFException if the connection ends first
        return Integer.parseInt(status.substring(9, 12));
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed mid-response");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }
}
