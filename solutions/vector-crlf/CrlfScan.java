package exercises.simd;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.VectorSpecies;

/* Reference solution for vector-crlf: a CR mask per vector, each CR confirmed in the array, a scalar tail. */
public final class CrlfScan {

    static final VectorSpecies<Byte> SPECIES = ByteVector.SPECIES_PREFERRED;

    private CrlfScan() {
    }

    public static int indexOfCrlf(byte[] data, int from, int to) {
        int step = SPECIES.length();
        int i = from;
        for (; i + step <= to; i += step) {
            long crs = ByteVector.fromArray(SPECIES, data, i).eq((byte) '\r').toLong();
            while (crs != 0) {
                int at = i + Long.numberOfTrailingZeros(crs);
                // the LF may sit in the next vector: look in the array, within `to`
                if (at + 1 < to && data[at + 1] == '\n') {
                    return at;
                }
                crs &= crs - 1; // clear the lowest set bit: the next CR
            }
        }
        for (; i + 1 < to; i++) {
            if (data[i] == '\r' && data[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
