package dev.wirelab.core.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.IntSupplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The vector path allocates nothing per request once compiled, measured: the structural
 * index and the fused step hand vectors to small helpers, and a vector that crosses a call
 * the JIT did not inline is boxed, which would show here as bytes per parse. Before C2 has
 * compiled the parser the Vector API does allocate (its Java fallbacks box every vector),
 * so the test parses in windows of 10,000 requests until three windows in a row stay under
 * 1 KiB in total (one 16-byte object per parse would be 160,000 bytes), and fails if that
 * steady state does not come within 300 windows.
 */
class VectorPathZeroAllocationTest {

    private static final int WINDOW = 10_000;
    private static final long BOUND_BYTES = 1024;

    private static com.sun.management.ThreadMXBean threads;

    @BeforeAll
    static void allocationCounterIsAvailable() {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "this JVM has no com.sun.management.ThreadMXBean, so allocation cannot be measured");
        threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        threads.setThreadAllocatedMemoryEnabled(true);
    }

    private static final byte[] BROWSER_GET = ("GET /docs/guide/pooling.html?lang=en HTTP/1.1\r\n"
            + "Host: wirelab.example.org\r\n"
            + "User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0\r\n"
            + "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8\r\n"
            + "Accept-Language: en-GB,en;q=0.7,de;q=0.3\r\n"
            + "Cookie: session=9f2c41d7e0b84a6f; theme=dark; consent=analytics:0\r\n"
            + "Content-Length: 0\r\n"
            + "Sec-Fetch-Mode: navigate\r\n"
            + "\r\n").getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void theParserHereSearchesWithTheVectorScanner() {
        assertEquals("vector", HttpScanners.chosen().toString(), HttpScanners.selection().reason());
    }

    @Test
    void aHeapBufferParsesWithoutAllocatingOnceCompiled() {
        ByteBuffer wire = ByteBuffer.wrap(BROWSER_GET);
        HttpRequestParser parser = new HttpRequestParser(HttpLimits.DEFAULTS, HttpScanners.chosen());
        assertSteadyStateAllocatesNothing(() -> ((HttpParseResult.Complete) parser.parse(wire)).head().headerCount());
    }

    @Test
    void aNativeSegmentParsesWithoutAllocatingOnceCompiled() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment wire = arena.allocate(BROWSER_GET.length + 100);
            wire.copyFrom(MemorySegment.ofArray(BROWSER_GET));
            HttpRequestParser parser = new HttpRequestParser(HttpLimits.DEFAULTS, HttpScanners.chosen());
            assertSteadyStateAllocatesNothing(
                    () -> ((HttpParseResult.Complete) parser.parse(wire, 0, BROWSER_GET.length)).head().headerCount());
        }
    }

    private static void assertSteadyStateAllocatesNothing(IntSupplier parse) {
        int quiet = 0;
        long last = -1;
        int checksum = 0;
        for (int window = 0; window < 300 && quiet < 3; window++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < WINDOW; i++) {
                checksum += parse.getAsInt();
            }
            last = threads.getCurrentThreadAllocatedBytes() - before;
            quiet = last <= BOUND_BYTES ? quiet + 1 : 0;
        }
        assertTrue(checksum != 0, "the parses did no observable work");
        assertTrue(quiet == 3, "no three quiet windows in a row; the last allocated " + last + " bytes over " + WINDOW + " parses");
    }
}
