package dev.wirelab.core.parse;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.ByteBuffer;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage-guided fuzzing of {@link ChunkedDecoder}: any body bytes give a typed result,
 * the sink only ever sees bytes inside the buffer, the body limit holds, and the result does
 * not depend on how the bytes were split. Seeds live in
 * {@code src/test/resources/dev/wirelab/core/parse/ChunkedDecoderFuzzTestInputs/bodyOfAnyBytes/};
 * every build replays them, {@code JAZZER_FUZZ=1} fuzzes from them (README, "Reliability").
 */
class ChunkedDecoderFuzzTest {

    private static final int MAX_INPUT = 4096;
    /** Small enough that short inputs reach every limit: 16-byte size lines, 64-byte bodies, 32 bytes of trailers. */
    private static final HttpLimits TIGHT = new HttpLimits(48, 32, 2, 64, 16);

    @FuzzTest(maxDuration = "60s")
    void bodyOfAnyBytes(byte[] input) {
        byte[] wire = input.length > MAX_INPUT ? Arrays.copyOf(input, MAX_INPUT) : input;
        for (HttpLimits limits : new HttpLimits[] {HttpLimits.DEFAULTS, TIGHT}) {
            String expected = ChunkedDecoderTest.decode(limits, wire);
            keepsItsPromises(limits, wire);
            int step = Math.max(1, wire.length / 64);
            for (int i = 0; i <= wire.length; i += step) {
                assertEquals(expected, ChunkedDecoderTest.decode(limits, wire, i), "split at " + i);
            }
            assertEquals(expected, ChunkedDecoderTest.byteByByte(limits, wire), "byte by byte");
        }
    }

    /** One pass over a window of a larger buffer: the sink's ranges and the totals stay inside the window and the limits. */
    private static void keepsItsPromises(HttpLimits limits, byte[] wire) {
        byte[] big = new byte[wire.length + 16];
        Arrays.fill(big, (byte) '0');
        System.arraycopy(wire, 0, big, 8, wire.length);
        ByteBuffer in = ByteBuffer.wrap(big, 8, wire.length);
        long[] delivered = {0};
        ChunkedResult result = new ChunkedDecoder(limits).decode(in, (source, offset, length) -> {
            assertTrue(offset >= 8 && length > 0 && offset + length <= 8 + wire.length,
                    "sink got [" + offset + ", " + (offset + length) + ") outside the window");
            delivered[0] += length;
        });
        assertTrue(in.position() >= 8 && in.position() <= 8 + wire.length, "position left the window");
        assertTrue(delivered[0] <= limits.maxContentLength(), "decoded past the body limit");
        switch (result) {
            case ChunkedResult.Done d -> {
                assertEquals(delivered[0], d.bodyLength());
                assertEquals(in.position() - 8, d.wireLength(), "wire length is what was consumed");
            }
            case NeedMore n -> assertEquals(8 + wire.length, in.limit());
            case Malformed m -> assertTrue(m.offset() >= 0 && m.offset() <= wire.length, m.message());
        }
    }
}
