package dev.wirelab.simd;

import java.util.Arrays;

/**
 * An immutable set of ASCII bytes (0..127), the "small set" the scanners look for or
 * validate against: the delimiters of a header line, or RFC 9110's {@code tchar}.
 *
 * <h2>Two encodings of the same set</h2>
 * <ul>
 *   <li>a 256-entry {@code boolean} table for the scalar loops: one lookup per byte;</li>
 *   <li>a 16-entry <em>nibble table</em> for the vector kernels. Split a byte into its high
 *       nibble {@code h} (bits 7..4) and low nibble {@code l} (bits 3..0). Entry {@code l}
 *       holds, in bit {@code h}, whether byte {@code h<<4 | l} is in the set. Because an
 *       ASCII byte has {@code h <= 7}, eight bits per entry are enough to describe
 *       <em>any</em> ASCII set exactly; bytes 128..255 are never members.</li>
 * </ul>
 * <pre>
 *   byte 'A' = 0x41:  h = 4, l = 1   ->  member iff (table[1] &amp; (1 &lt;&lt; 4)) != 0
 *   byte 0xC3:        h = 12         ->  bit 12 does not exist: never a member
 * </pre>
 * The vector kernel does those two lookups for 16 to 64 bytes at once with a lane shuffle
 * ({@code selectFrom}, one {@code vpermb} or {@code pshufb} instruction): the same trick
 * simdjson uses to classify characters.
 */
public final class AsciiSet {

    /** RFC 9110 §5.6.2: the characters allowed in a token (method, header field name). */
    public static final AsciiSet TCHAR = of("!#$%&'*+-.^_`|~0123456789"
            + "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    /** Every ASCII byte, 0..127: a scan for a non-member finds the first non-ASCII byte. */
    public static final AsciiSet ASCII = range(0, 127);

    private final boolean[] table = new boolean[256];
    private final byte[] nibbleTable = new byte[16];
    /** The nibble table repeated to 256 bytes: a vector of any size (up to 2048 bits) loads its lanes from it. */
    private final byte[] nibbleLanes = new byte[256];
    private final String members;

    private AsciiSet(boolean[] members) {
        StringBuilder listed = new StringBuilder();
        for (int b = 0; b < 128; b++) {
            if (members[b]) {
                table[b] = true;
                nibbleTable[b & 0x0F] |= (byte) (1 << (b >>> 4));
                listed.append((char) b);
            }
        }
        this.members = listed.toString();
        for (int i = 0; i < nibbleLanes.length; i++) {
            nibbleLanes[i] = nibbleTable[i & 0x0F];
        }
    }

    /** The set of the given characters; each must be ASCII. */
    public static AsciiSet of(String chars) {
        boolean[] members = new boolean[128];
        chars.chars().forEach(c -> {
            if (c > 127) {
                throw new IllegalArgumentException("not an ASCII character: U+"
                        + Integer.toHexString(c) + " in \"" + chars + "\"");
            }
            members[c] = true;
        });
        return new AsciiSet(members);
    }

    /** The bytes {@code from..to}, both inclusive, within 0..127. */
    public static AsciiSet range(int from, int to) {
        if (from < 0 || to > 127 || from > to) {
            throw new IllegalArgumentException("need 0 <= from <= to <= 127, got " + from + ".." + to);
        }
        boolean[] members = new boolean[128];
        Arrays.fill(members, from, to + 1, true);
        return new AsciiSet(members);
    }

    /** Whether byte {@code b} (any value; only its low 8 bits count) is in the set. */
    public boolean contains(int b) {
        return table[b & 0xFF];
    }

    /** The members in ascending order, as a string (the straightforward loop compares against each). */
    public String members() {
        return members;
    }

    /** The 16-entry nibble table described in the class doc (a copy). */
    public byte[] nibbleTable() {
        return nibbleTable.clone();
    }

    /** The nibble table repeated over 256 bytes; shared, callers in this package must not write to it. */
    byte[] nibbleLanes() {
        return nibbleLanes;
    }

    /** The 256-entry lookup table; shared, callers in this package must not write to it. */
    boolean[] table() {
        return table;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("AsciiSet[");
        members.chars().forEach(c -> text.append(c < 0x21 || c == 0x7F
                ? String.format("\\x%02x", c) : Character.toString(c)));
        return text.append(']').toString();
    }
}
