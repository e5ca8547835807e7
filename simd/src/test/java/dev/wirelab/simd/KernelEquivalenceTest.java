package dev.wirelab.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.SplittableRandom;

import dev.wirelab.core.checksum.InternetChecksum;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every vector kernel equals its scalar twin for every length 0..4096 at every start
 * offset 0..63 (heap and native memory), and on random slices up to 1 MiB; the scalar
 * "best" kernels equal the straightforward loops, and the checksums equal core's reference.
 *
 * <p>The inputs are built to hit the edges: all-0xFF data (every add carries), bytes above
 * 127 whose low nibble matches a member (the nibble-table trap), CRs and LFs alone and in
 * pairs at several densities, and pairs that straddle the end of the range.
 */
@Timeout(300)
class KernelEquivalenceTest {

    private static final int MAX_LENGTH = 4096;
    private static final int MAX_OFFSET = 63;
    private static final int SIZE = MAX_LENGTH + MAX_OFFSET + 1;
    private static final AsciiSet DELIMITERS = AsciiSet.of(":\r\n");

    @FunctionalInterface
    interface Kernel {
        long apply(MemorySegment data);
    }

    /**
     * Runs both kernels over data[offset, offset + length) for every length and offset
     * and fails on the first difference, naming the case.
     */
    private static void assertSameEverywhere(String what, byte[] bytes, Kernel expected, Kernel actual) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment heap = MemorySegment.ofArray(bytes);
            MemorySegment nativeCopy = arena.allocate(bytes.length).copyFrom(heap);
            for (MemorySegment base : new MemorySegment[] {heap, nativeCopy}) {
                for (int offset = 0; offset <= MAX_OFFSET; offset++) {
                    for (int length = 0; length <= MAX_LENGTH; length++) {
                        MemorySegment slice = base.asSlice(offset, length);
                        long want = expected.apply(slice);
                        long got = actual.apply(slice);
                        if (want != got) {
                            fail(what + (base.isNative() ? " (native)" : " (heap)") + " at offset " + offset
                                    + ", length " + length + ": expected " + want + " but was " + got);
                        }
                    }
                }
            }
        }
    }

    // ---- checksum --------------------------------------------------------------------------

    /** The vector checksum equals the best scalar one on random bytes, every length and offset. */
    @Test
    void vectorChecksumEqualsScalarOnRandomBytes() {
        assertSameEverywhere("checksum", random(SIZE, 1),
                ScalarKernels::checksumBest, VectorKernels::checksum);
    }

    /** All-0xFF input makes every lane carry on every add: nothing may be lost. */
    @Test
    void vectorChecksumEqualsScalarWhenEveryAddCarries() {
        byte[] ones = new byte[SIZE];
        Arrays.fill(ones, (byte) 0xFF);
        assertSameEverywhere("checksum of 0xFF", ones, ScalarKernels::checksumBest, VectorKernels::checksum);
    }

    /** The best scalar checksum equals core's straightforward reference (every length, offsets 0..63). */
    @Test
    void bestScalarChecksumEqualsTheReferenceLoop() {
        assertSameEverywhere("scalar checksum", random(SIZE, 2),
                ScalarKernels::checksumLoop, ScalarKernels::checksumBest);
    }

    /** The slow first try is correct too (its lesson is speed); checked on a smaller range because it is slow. */
    @Test
    void firstTryChecksumIsCorrectButSlow() {
        byte[] bytes = random(1200, 3);
        MemorySegment all = MemorySegment.ofArray(bytes);
        for (int offset = 0; offset < 16; offset++) {
            for (int length = 0; length + offset <= bytes.length; length += length < 100 ? 1 : 37) {
                MemorySegment slice = all.asSlice(offset, length);
                assertEquals(InternetChecksum.sumOf(slice), VectorChecksumFirstTry.checksum(slice),
                        "offset " + offset + " length " + length);
            }
        }
    }

    // ---- CRLF ------------------------------------------------------------------------------

    /** Vector CRLF scan equals the SWAR scan with many CRLFs, lone CRs and LFs. */
    @Test
    void vectorCrlfEqualsScalarWhenDense() {
        assertSameEverywhere("crlf dense", withCrLf(SIZE, 8, 4), d -> ScalarKernels.indexOfCrlfBest(d, 0),
                d -> VectorKernels.indexOfCrlf(d, 0));
    }

    /** ... and with a CRLF every few hundred bytes, so most vectors hold none. */
    @Test
    void vectorCrlfEqualsScalarWhenSparse() {
        assertSameEverywhere("crlf sparse", withCrLf(SIZE, 300, 5), d -> ScalarKernels.indexOfCrlfBest(d, 0),
                d -> VectorKernels.indexOfCrlf(d, 0));
    }

    /** ... and with CRs and LFs everywhere but never as a pair ("\n\r", "\r\r", "\rx"). */
    @Test
    void vectorCrlfEqualsScalarWhenThereIsNone() {
        byte[] bytes = withCrLf(SIZE, 4, 6);
        for (int i = 1; i < bytes.length; i++) {
            if (bytes[i - 1] == '\r' && bytes[i] == '\n') {
                bytes[i] = '\r';
            }
        }
        assertSameEverywhere("crlf none", bytes, d -> ScalarKernels.indexOfCrlfBest(d, 0),
                d -> VectorKernels.indexOfCrlf(d, 0));
        assertEquals(-1, VectorKernels.indexOfCrlf(MemorySegment.ofArray(bytes), 0));
    }

    /** The SWAR scan equals the byte loop. */
    @Test
    void swarCrlfEqualsTheLoop() {
        assertSameEverywhere("swar crlf", withCrLf(SIZE, 40, 7), d -> ScalarKernels.indexOfCrlfLoop(d, 0),
                d -> ScalarKernels.indexOfCrlfBest(d, 0));
    }

    /** A scan that starts at {@code from} finds the first CRLF at or after it, on both paths. */
    @Test
    void crlfScansStartAtFrom() {
        MemorySegment data = MemorySegment.ofArray(withCrLf(3000, 30, 8));
        for (int from = 0; from <= 3000; from += 7) {
            long want = ScalarKernels.indexOfCrlfLoop(data, from);
            assertEquals(want, ScalarKernels.indexOfCrlfBest(data, from), "best from " + from);
            assertEquals(want, VectorKernels.indexOfCrlf(data, from), "vector from " + from);
        }
    }

    // ---- sets --------------------------------------------------------------------------------

    /** First-delimiter scan: vector equals table lookup, on bytes 0..255 (high bytes share nibbles with members). */
    @Test
    void vectorIndexOfAnyEqualsScalar() {
        byte[] bytes = random(SIZE, 9);
        for (int i = 0; i < bytes.length; i++) {
            if (DELIMITERS.contains(bytes[i])) {
                bytes[i] ^= (byte) 0x80; // 0xBA, 0x8D, 0x8A: same low nibble as a member, not a member
            }
        }
        sprinkle(bytes, ":\r\n", 200, 10);
        assertSameEverywhere("indexOfAny", bytes, d -> ScalarKernels.indexOfAnyBest(d, 0, DELIMITERS),
                d -> VectorKernels.indexOfAny(d, 0, DELIMITERS));
    }

    /** The table-lookup scan equals the member-by-member loop. */
    @Test
    void tableIndexOfAnyEqualsTheLoop() {
        byte[] bytes = sprinkle(random(SIZE, 11), ":\r\n", 200, 12);
        assertSameEverywhere("indexOfAny scalar", bytes, d -> ScalarKernels.indexOfAnyLoop(d, 0, DELIMITERS),
                d -> ScalarKernels.indexOfAnyBest(d, 0, DELIMITERS));
    }

    /** Token validation: vector equals the RFC grammar loop and the table scan, with an invalid byte every few hundred. */
    @Test
    void vectorTcharValidationEqualsScalar() {
        byte[] bytes = sprinkle(tokens(SIZE, 13), " \"(),/:;<=>?@[\\]{}\u007f\u0000\t", 300, 14);
        // some non-ASCII bytes whose low nibble is a valid token's low nibble
        for (int i = 150; i < bytes.length; i += 777) {
            bytes[i] = (byte) 0xC1;
        }
        assertSameEverywhere("tchar vector", bytes, d -> ScalarKernels.indexOfNonMemberBest(d, 0, AsciiSet.TCHAR),
                d -> VectorKernels.indexOfNonMember(d, 0, AsciiSet.TCHAR));
        assertSameEverywhere("tchar scalar", bytes, d -> ScalarKernels.indexOfNonTcharLoop(d, 0),
                d -> ScalarKernels.indexOfNonMemberBest(d, 0, AsciiSet.TCHAR));
    }

    /** ASCII validation: the first byte above 127, vector equals scalar. */
    @Test
    void vectorAsciiValidationEqualsScalar() {
        byte[] bytes = random(SIZE, 15);
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] &= (byte) (i % 500 == 499 ? 0xFF : 0x7F);
        }
        assertSameEverywhere("ascii", bytes, d -> ScalarKernels.indexOfNonMemberBest(d, 0, AsciiSet.ASCII),
                d -> VectorKernels.indexOfNonMember(d, 0, AsciiSet.ASCII));
    }

    // ---- big random inputs ---------------------------------------------------------------------

    /** Random slices up to 1 MiB, in native memory: every vector kernel equals the straightforward loop. */
    @Test
    void vectorKernelsEqualTheLoopsOnRandomInputsUpToOneMebibyte() {
        SplittableRandom random = new SplittableRandom(16);
        int size = (1 << 20) + 64;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment checksumData = arena.allocate(size).copyFrom(MemorySegment.ofArray(random(size, 17)));
            MemorySegment crlfData = arena.allocate(size).copyFrom(MemorySegment.ofArray(withCrLf(size, 100_000, 18)));
            MemorySegment tokenData = arena.allocate(size).copyFrom(MemorySegment.ofArray(
                    sprinkle(tokens(size, 19), " ;", 200_000, 20)));
            for (int round = 0; round < 40; round++) {
                int offset = random.nextInt(64);
                int length = round < 4 ? (1 << 20) : random.nextInt(1 << 20);
                String where = "offset " + offset + " length " + length;

                MemorySegment slice = checksumData.asSlice(offset, length);
                assertEquals(ScalarKernels.checksumLoop(slice), VectorKernels.checksum(slice), "checksum " + where);
                assertEquals(ScalarKernels.checksumLoop(slice), ScalarKernels.checksumBest(slice), "best checksum " + where);

                slice = crlfData.asSlice(offset, length);
                assertEquals(ScalarKernels.indexOfCrlfLoop(slice, 0), VectorKernels.indexOfCrlf(slice, 0), "crlf " + where);

                slice = tokenData.asSlice(offset, length);
                assertEquals(ScalarKernels.indexOfNonTcharLoop(slice, 0),
                        VectorKernels.indexOfNonMember(slice, 0, AsciiSet.TCHAR), "tchar " + where);
            }
        }
    }

    /** The checksum kernels agree with core's incremental reference fed in uneven slices. */
    @Test
    void checksumsMatchCoresIncrementalReference() {
        byte[] bytes = random(70_001, 21);
        InternetChecksum reference = new InternetChecksum();
        for (int from = 0; from < bytes.length; from += 997) {
            reference.update(bytes, from, Math.min(997, bytes.length - from));
        }
        MemorySegment all = MemorySegment.ofArray(bytes);
        assertEquals(reference.sum(), VectorKernels.checksum(all));
        assertEquals(reference.sum(), ScalarKernels.checksumBest(all));
    }

    // ---- inputs ----------------------------------------------------------------------------------

    static byte[] random(int length, long seed) {
        byte[] bytes = new byte[length];
        new SplittableRandom(seed).nextBytes(bytes);
        return bytes;
    }

    /** Letters with a CR, and independently an LF, about once in {@code every} bytes each. */
    static byte[] withCrLf(int length, int every, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            int r = random.nextInt(every * 2);
            bytes[i] = r == 0 ? (byte) '\r' : r == 1 ? (byte) '\n' : (byte) ('a' + random.nextInt(26));
        }
        // and a real CRLF about once in every * 2 bytes
        for (int i = random.nextInt(every); i + 1 < length; i += 1 + random.nextInt(every * 2)) {
            bytes[i] = '\r';
            bytes[i + 1] = '\n';
        }
        return bytes;
    }

    /** Valid token characters only. */
    static byte[] tokens(int length, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String members = AsciiSet.TCHAR.members();
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) members.charAt(random.nextInt(members.length()));
        }
        return bytes;
    }

    /** Overwrites about one byte in {@code every} with one of {@code chars}. */
    static byte[] sprinkle(byte[] bytes, String chars, int every, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = random.nextInt(every); i < bytes.length; i += 1 + random.nextInt(every)) {
            bytes[i] = (byte) chars.charAt(random.nextInt(chars.length()));
        }
        return bytes;
    }
}
