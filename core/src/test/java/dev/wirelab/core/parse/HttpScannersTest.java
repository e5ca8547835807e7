package dev.wirelab.core.parse;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The choice as core alone makes it: core's test class path holds no scanner provider (the
 * simd module, which has one, depends on core, not the other way round), so the scalar
 * scanner must be chosen, and the reason must say why. simd's tests check the other side.
 */
class HttpScannersTest {

    @Test
    void choosesTheScalarScannerWhenNoProviderIsOnTheClassPath() {
        HttpScanners.Selection selection = HttpScanners.selection();

        assertSame(HttpScanners.scalar(), HttpScanners.chosen());
        assertSame(HttpScanners.scalar(), selection.scanner());
        assertFalse(selection.accelerated());
        assertEquals("no HttpScanner.Provider on the class path (the simd module provides one)", selection.reason());
        assertEquals(HttpScanners.scalar().description() + ": " + selection.reason(), selection.describe());
    }

    /** A parser made without a scanner uses the chosen one, and parses. */
    @Test
    void theDefaultParserSearchesWithTheChosenScanner() {
        byte[] wire = "GET / HTTP/1.1\r\nHost: h\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

        assertInstanceOf(HttpParseResult.Complete.class, new HttpRequestParser().parse(ByteBuffer.wrap(wire)));
        assertSame(HttpScanners.chosen(), new WireBytes().scanner());
    }
}
