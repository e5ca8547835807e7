package dev.wirelab.simd;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import dev.wirelab.core.parse.HttpParseResult;
import dev.wirelab.core.parse.HttpRequestParser;
import dev.wirelab.core.parse.HttpScanners;

/**
 * A tiny program that {@link ScalarFallbackTest} runs in a fresh JVM with chosen flags.
 * It prints which path was selected, whether the vector kernels' class can be loaded at all
 * in this JVM, and the results of every facade on fixed inputs, one {@code key=value} a line.
 */
public final class FallbackProbe {

    private FallbackProbe() {
    }

    public static void main(String[] args) {
        System.out.println("path=" + SimdSupport.selection().path());
        System.out.println("describe=" + SimdSupport.describe());
        System.out.println("fix=" + SimdSupport.selection().fix());
        System.out.println("vectorKernelsLoadable=" + loadable("dev.wirelab.simd.VectorKernels"));
        System.out.println("preferredBits=" + preferredBits());
        System.out.println("httpScanner=" + HttpScanners.chosen());
        System.out.println("httpScannerReason=" + HttpScanners.selection().reason());
        for (String line : results()) {
            System.out.println(line);
        }
    }

    /** The facade results the parent JVM compares with its own. */
    static String[] results() {
        byte[] ipv4 = HexFormat.of().parseHex("450000730000400040110000c0a80001c0a800c7");
        byte[] big = new byte[5003];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31 + 7);
        }
        byte[] request = "GET /index.html HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        return new String[] {
            "ipv4Checksum=" + Integer.toHexString(InternetChecksums.checksum(ipv4, 0, ipv4.length)),
            "bigSum=" + Integer.toHexString(InternetChecksums.sum(big, 1, big.length - 1)),
            "crlf=" + ByteScan.indexOfCrlf(request, 0, request.length),
            "colon=" + ByteScan.indexOfAny(request, 0, request.length, AsciiSet.of(":")),
            "nonTchar=" + ByteScan.indexOfNonTchar(request, 0, request.length),
            "httpHead=" + describe(new HttpRequestParser().parse(ByteBuffer.wrap(request))),
            "httpMalformed=" + describe(new HttpRequestParser().parse(ByteBuffer.wrap(
                    "GET / HTTP/1.1\r\nHost: a\u0000b\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)))),
        };
    }

    private static String describe(HttpParseResult result) {
        return switch (result) {
            case HttpParseResult.Complete c -> "complete " + c.consumed() + " " + c.head().method() + " "
                    + c.head().target() + " " + c.head().header("Host");
            case dev.wirelab.core.parse.NeedMore n -> "need more";
            case dev.wirelab.core.parse.Malformed m -> "malformed " + m.reason() + " @" + m.offset();
        };
    }

    /** The JVM's own preferred vector size, read by reflection (0 without the module): independent of the kernels' choice. */
    private static int preferredBits() {
        try {
            Object species = Class.forName("jdk.incubator.vector.ByteVector").getField("SPECIES_PREFERRED").get(null);
            return (int) Class.forName("jdk.incubator.vector.VectorSpecies").getMethod("vectorBitSize").invoke(species);
        } catch (ReflectiveOperationException | LinkageError e) {
            return 0;
        }
    }

    private static String loadable(String className) {
        try {
            Class.forName(className);
            return "yes";
        } catch (ClassNotFoundException | LinkageError e) {
            return "no (" + e.getClass().getSimpleName() + ")";
        }
    }
}
