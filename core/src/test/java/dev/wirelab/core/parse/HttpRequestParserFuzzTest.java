package dev.wirelab.core.parse;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.Arrays;

import static dev.wirelab.core.parse.HttpSamples.byteByByte;
import static dev.wirelab.core.parse.HttpSamples.describe;
import static dev.wirelab.core.parse.HttpSamples.split;
import static dev.wirelab.core.parse.HttpSamples.whole;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage-guided fuzzing of {@link HttpRequestParser}: whatever bytes arrive, the parser
 * answers with its typed result and holds its promises.
 *
 * <h2>How it runs</h2>
 * In every build this is a plain regression test: Jazzer replays each file under
 * {@code src/test/resources/dev/wirelab/core/parse/HttpRequestParserFuzzTestInputs/headOfAnyBytes/}
 * (hand-written seeds plus anything a fuzzing run found) through {@link #headOfAnyBytes}. With
 * {@code JAZZER_FUZZ=1} the same method becomes a coverage-guided fuzz target that mutates
 * those seeds; a failing input is saved into the same directory, so it becomes a regression
 * test the moment it is committed (see the README, "Reliability").
 *
 * <h2>The invariants, each of which a parser bug would break</h2>
 * <ol>
 *   <li>only a typed result: any exception fails the test (Jazzer reports it as a finding);</li>
 *   <li>no read outside the bytes given: an exactly-sized native segment throws on the first
 *       byte past its end, and the same bytes embedded between two different fillers must
 *       parse identically (a read into the filler would tell them apart);</li>
 *   <li>limits hold: a Complete head never exceeds the request-line, header-section or
 *       header-count limit, a declared body never exceeds the content limit, and NeedMore is
 *       only possible while the bytes could still fit the limits;</li>
 *   <li>split invariance: the verdict is the same whole, split at any byte, and byte by byte.</li>
 * </ol>
 */
class HttpRequestParserFuzzTest {

    /** Inputs above this are cut: the limits below are far smaller, so longer adds nothing but time. */
    private static final int MAX_INPUT = 4096;
    /** Tight limits make every limit reachable by short inputs; the defaults check the common path. */
    private static final HttpLimits TIGHT = new HttpLimits(48, 96, 4, 1000, 16);

    @FuzzTest(maxDuration = "60s")
    void headOfAnyBytes(byte[] input) {
        byte[] wire = input.length > MAX_INPUT ? Arrays.copyOf(input, MAX_INPUT) : input;
        for (HttpLimits limits : new HttpLimits[] {HttpLimits.DEFAULTS, TIGHT}) {
            String expected = whole(limits, wire);
            staysInsideTheBytesGiven(limits, wire, expected);
            enforcesTheLimits(limits, wire);
            givesTheSameVerdictHoweverSplit(limits, wire, expected);
        }
    }

    private static void staysInsideTheBytesGiven(HttpLimits limits, byte[] wire, String expected) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment exact = arena.allocate(Math.max(1, wire.length)).asSlice(0, wire.length);
            exact.copyFrom(MemorySegment.ofArray(wire));
            assertEquals(expected, describe(new HttpRequestParser(limits).parse(exact, 0, wire.length)), "native segment");
        }
        assertEquals(expected, describe(new HttpRequestParser(limits).parse(embedded(wire, (byte) 0))), "filler 0x00");
        assertEquals(expected, describe(new HttpRequestParser(limits).parse(embedded(wire, (byte) '\n'))), "filler LF");
    }

    /** {@code wire} in the middle of a larger array whose other bytes are {@code filler}, as a window. */
    private static ByteBuffer embedded(byte[] wire, byte filler) {
        byte[] big = new byte[wire.length + 64];
        Arrays.fill(big, filler);
        System.arraycopy(wire, 0, big, 32, wire.length);
        return ByteBuffer.wrap(big, 32, wire.length);
    }

    private static void enforcesTheLimits(HttpLimits limits, byte[] wire) {
        HttpParseResult result = new HttpRequestParser(limits).parse(ByteBuffer.wrap(wire));
        switch (result) {
            case HttpParseResult.Complete c -> {
                assertTrue(c.consumed() <= wire.length, "consumed beyond the bytes");
                assertTrue(c.consumed() <= limits.maxRequestLineBytes() + limits.maxHeaderBytes(), "head beyond the limits");
                assertTrue(c.head().headerCount() <= limits.maxHeaderCount(), "too many headers accepted");
                assertTrue(c.contentLength() <= limits.maxContentLength(), "body beyond the limit accepted");
                assertTrue(!(c.isChunked() && c.contentLength() >= 0), "chunked and Content-Length both accepted");
            }
            case NeedMore n -> assertTrue(wire.length < limits.maxRequestLineBytes() + limits.maxHeaderBytes(),
                    "still waiting after " + wire.length + " bytes");
            case Malformed m -> {
                assertTrue(m.offset() >= 0 && m.offset() <= wire.length, m.message());
                assertTrue(m.message().startsWith(m.reason().description()), m.message());
            }
        }
    }

    /** Every split point for short inputs; for long ones a spread of 64 (each split re-parses). */
    private static void givesTheSameVerdictHoweverSplit(HttpLimits limits, byte[] wire, String expected) {
        int step = Math.max(1, wire.length / 64);
        for (int i = 0; i <= wire.length; i += step) {
            assertEquals(expected, split(limits, wire, i), "split at " + i);
        }
        assertEquals(expected, byteByByte(limits, wire), "byte by byte");
    }
}
