package dev.wirelab.testkit;

/**
 * Deterministic test bytes in which every position is different from its neighbours, so an
 * echo that repeats, drops or reorders a chunk cannot come back equal by accident.
 *
 * <p>Byte {@code i} of stream {@code seed} is the top byte of {@code (i + seed·φ)·M} for two
 * odd 64-bit constants. Multiplying by an odd constant is a bijection modulo 2<sup>64</sup>,
 * so the sequence has no short period; giving each connection its own seed means bytes
 * delivered to the wrong connection do not match either.
 */
public final class BytePattern {

    private static final long GOLDEN = 0x9E37_79B9_7F4A_7C15L;
    private static final long MIX = 0xBF58_476D_1CE4_E5B9L;

    private BytePattern() {
    }

    /** Byte number {@code index} of stream {@code seed}. */
    public static byte at(long seed, long index) {
        return (byte) (((index + seed * GOLDEN) * MIX) >>> 56);
    }

    /** Bytes {@code offset .. offset+length-1} of stream {@code seed}. */
    public static byte[] bytes(long seed, long offset, int length) {
        byte[] out = new byte[length];
        fill(seed, offset, out, 0, length);
        return out;
    }

    /** Writes bytes {@code offset ..} of stream {@code seed} into {@code dst[from .. from+length-1]}. */
    public static void fill(long seed, long offset, byte[] dst, int from, int length) {
        for (int i = 0; i < length; i++) {
            dst[from + i] = at(seed, offset + i);
        }
    }

    /**
     * Checks {@code actual[from .. from+length-1]} against stream {@code seed} from {@code offset}.
     *
     * @return the stream position of the first wrong byte, or {@code -1} when all match
     */
    public static long firstMismatch(long seed, long offset, byte[] actual, int from, int length) {
        for (int i = 0; i < length; i++) {
            if (actual[from + i] != at(seed, offset + i)) {
                return offset + i;
            }
        }
        return -1;
    }
}
