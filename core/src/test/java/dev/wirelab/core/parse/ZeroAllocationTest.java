package dev.wirelab.core.parse;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.function.IntSupplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.wirelab.core.parse.HttpSamples.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Zero-copy stays zero-copy: the flyweights, the HTTP parse path and the "not enough bytes
 * yet" path allocate nothing per call, measured rather than claimed.
 *
 * <p>Each case runs its operation 20,000 times to warm up (so the JIT has compiled it), then
 * 10,000 times between two readings of this thread's allocated-bytes counter
 * ({@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes}). One 16-byte object
 * per call would show as 160,000 bytes; the bound is 1 KiB in total, which leaves room for the
 * odd allocation outside the loop (a safepoint's bookkeeping) and none for one inside it.
 * A failure means somebody added a copy, a boxed value or a result record to a hot path.
 */
class ZeroAllocationTest {

    private static final int WARM_UP = 20_000;
    private static final int MEASURED = 10_000;
    private static final long BOUND_BYTES = 1024;

    private static com.sun.management.ThreadMXBean threads;

    @BeforeAll
    static void allocationCounterIsAvailable() {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "this JVM has no com.sun.management.ThreadMXBean, so allocation cannot be measured");
        threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        threads.setThreadAllocatedMemoryEnabled(true);
    }

    /** Bytes this thread allocated over {@link #MEASURED} calls after warm-up; the checksum keeps the work alive. */
    private static long allocatedBy(IntSupplier operation) {
        int checksum = 0;
        for (int i = 0; i < WARM_UP; i++) {
            checksum += operation.getAsInt();
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < MEASURED; i++) {
            checksum += operation.getAsInt();
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(checksum != 0, "the operation did no observable work");
        return allocated;
    }

    @Test
    void ipv4AndUdpFlyweightsReadEveryFieldWithoutAllocating() {
        ByteBuffer packet = ByteBuffer.wrap(Packets.udpOverIpv4());
        Ipv4Header ip = new Ipv4Header();
        UdpHeader udp = new UdpHeader();

        long allocated = allocatedBy(() -> {
            ip.wrap(packet, 0);
            ip.wrapPayload(udp);
            return ip.totalLength() + ip.protocol() + ip.sourceAddress() + ip.timeToLive()
                    + udp.sourcePort() + udp.destinationPort() + udp.payloadLength() + udp.payloadByte(0);
        });

        assertTrue(allocated <= BOUND_BYTES, allocated + " bytes over " + MEASURED + " packets");
    }

    @Test
    void completeRequestsParseWithoutAllocating() {
        ByteBuffer wire = ByteBuffer.wrap(bytes("POST /upload HTTP/1.1\r\nHost: example.test\r\nUser-Agent: lab\r\n"
                + "Accept: */*\r\nContent-Length: 11\r\n\r\n"));
        HttpRequestParser parser = new HttpRequestParser();

        long allocated = allocatedBy(() -> {
            HttpParseResult.Complete c = (HttpParseResult.Complete) parser.parse(wire);
            return c.consumed() + (int) c.contentLength() + c.head().headerCount();
        });

        assertTrue(allocated <= BOUND_BYTES, allocated + " bytes over " + MEASURED + " requests");
    }

    @Test
    void incompleteRequestsWaitWithoutAllocating() {
        byte[] request = bytes("GET /index.html HTTP/1.1\r\nHost: example.test\r\nAccept: */*\r\n\r\n");
        ByteBuffer wire = ByteBuffer.wrap(request);
        HttpRequestParser parser = new HttpRequestParser();
        int[] cut = {0};

        // Each call feeds a growing prefix that never completes: the NeedMore path, resumed.
        long allocated = allocatedBy(() -> {
            cut[0] = cut[0] % (request.length - 1) + 1;
            if (cut[0] == 1) {
                parser.reset();
            }
            wire.limit(cut[0]);
            return parser.parse(wire) == NeedMore.INSTANCE ? 1 : 0;
        });

        assertEquals(NeedMore.INSTANCE, parser.parse(wire.limit(request.length - 1)));
        assertTrue(allocated <= BOUND_BYTES, allocated + " bytes over " + MEASURED + " partial reads");
    }

    @Test
    void chunkedDataPassesThroughWithoutAllocating() {
        byte[] chunk = bytes("400\r\n" + "x".repeat(1024) + "\r\n");
        ByteBuffer wire = ByteBuffer.wrap(chunk);
        ChunkedDecoder decoder = new ChunkedDecoder(HttpLimits.DEFAULTS.withMaxContentLength(Long.MAX_VALUE));
        ChunkedDecoder.BodySink sink = (source, offset, length) -> { };

        // An endless body: every call decodes one whole chunk and asks for more.
        long allocated = allocatedBy(() -> {
            wire.clear();
            return decoder.decode(wire, sink) == NeedMore.INSTANCE ? 1 : 0;
        });

        assertTrue(allocated <= BOUND_BYTES, allocated + " bytes over " + MEASURED + " chunks");
    }
}
