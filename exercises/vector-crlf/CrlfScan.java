package exercises.simd;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.VectorSpecies;

/*
 * Exercise vector-crlf: find the end of an HTTP line, a whole vector of bytes at a time.
 *
 * An HTTP parser spends its time looking for "\r\n". A scalar loop looks at one byte per
 * step; a vector compare looks at 16, 32 or 64 and answers with a mask: one bit per lane,
 * set where the byte equals '\r'. mask.toLong() turns it into a number whose set bits are the
 * CR positions; Long.numberOfTrailingZeros gives the first.
 *
 * Two details make it correct:
 *   - the '\n' that completes a CR in the LAST lane is in the NEXT vector (or past `to`):
 *     check it in the array, not in the vector, and never beyond `to`
 *   - a CR not followed by LF is not a match: go on to the next set bit
 * and, as always with vectors, the bytes after the last whole vector need a scalar loop.
 *
 * Suggested shape:
 *   int i = from;
 *   for (; i + SPECIES.length() <= to; i += SPECIES.length()) {
 *       ByteVector v = ByteVector.fromArray(SPECIES, data, i);
 *       long crs = v.eq((byte) '\r').toLong();
 *       ... for each set bit ...
 *   }
 *   ... the tail ...
 */
public final class CrlfScan {

    static final VectorSpecies<Byte> SPECIES = ByteVector.SPECIES_PREFERRED;

    private CrlfScan() {
    }

    /** The index of the '\r' of the first "\r\n" lying wholly inside {@code data[from, to)}, or -1. */
    public static int indexOfCrlf(byte[] data, int from, int to) {
        // TODO: the vector loop, then the scalar tail.
        throw new UnsupportedOperationException("vector-crlf: indexOfCrlf is not written yet (run: lab hint vector-crlf)");
    }
}
