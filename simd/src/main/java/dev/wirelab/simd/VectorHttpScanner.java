package dev.wirelab.simd;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

import dev.wirelab.core.parse.HttpScanner;
import dev.wirelab.core.parse.HttpScanners;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * core's {@link HttpScanner} on the Vector API. Its fast path is the
 * {@link #structuralIndex(byte[], int, int, long[]) structural index}: the whole head is
 * classified once, 64 bytes per vector, into bit masks, and the parser walks the masks.
 *
 * <h2>The idea: classify everything first, then walk bits</h2>
 * A header line is about 20 to 100 bytes. Handling a head line by line, each line with its
 * own vector load, leaves the vector unit mostly waiting: the next line's load cannot start
 * before this line's end is known, so every line pays the whole chain load, compare, mask
 * to {@code long}, count trailing zeros, and the setup of a search around it. simdjson
 * splits JSON parsing into two stages to escape exactly this: stage 1 runs over the input in
 * fixed blocks and produces bitmaps of the structural characters; stage 2 walks the
 * bitmaps. The blocks do not depend on each other, so the CPU overlaps them; the walk is
 * plain integer code on {@code long}s, with no vector in it.
 * <pre>
 *   stage 1 (this class)   per 64-byte block: LF mask, not-a-name-byte mask      10 blocks for a browser's GET
 *                          and stop at the first control byte outside CR LF
 *   stage 2 (core's parser) per line: next LF bit, next not-name bit (the colon), 2 searches, 1 byte compare
 *                          one byte compare, trim the value's whitespace       instead of ~50 bytes examined
 * </pre>
 * The stop rule is what makes stage 2 short. A control byte other than HTAB, CR and LF, a
 * CR without its LF, or an LF without its CR is an error anywhere in a head, so the index
 * simply ends before the first one: inside the index every line is free of bare CRs and of
 * control bytes without another look, and the parser's only remaining questions are where
 * the line ends and whether its name runs, in letters, digits and {@code '-'}, up to a colon.
 * Anything else (an index that stopped early, a name with another token character, a line
 * past the end) goes to the parser's general path, rule by rule, so errors and their offsets
 * do not depend on the scanner. "Is the byte after a CR an LF?" crosses lanes and blocks:
 * the CR mask shifted one lane on ({@code cr << 1}) with the last block's top bit carried
 * in must equal the LF mask, and an XOR of the two shows every byte where they disagree.
 *
 * <p>Measured in the same runs on a busy two-vCPU machine (CPU-time harness, one JVM, each
 * parser in its own class loader): the per-line design before it (one fused load per line,
 * {@link #fieldLine(byte[], int, int) fieldLine}, still here for lines the index leaves)
 * ran the browser's request at about 1.5x the scalar scanner; the index at about 1.9x, and
 * the small GET and the form POST also got faster. What it costs: two {@code long}s of
 * index per 64 bytes in the parser (256 bytes, allocated once per parser), and a pass over
 * bytes past the head's end when a body follows in the same read.
 *
 * <h2>Why short lines still pay</h2>
 * A header line is 20 to 100 bytes, so most searches end inside their first vector. What
 * makes one vector per line work is that a load may read past the window: the kernel loads
 * the full vector at {@code from} whenever the array or segment has that many bytes left,
 * and simply ignores a hit at or beyond {@code to}. No masked load, no scalar tail for the
 * common case. Only near the very end of the array or segment does a search load the last
 * full vector instead (ending exactly at the end) and shift away the lanes before
 * {@code from}; the fused step simply declines there. An array or segment shorter than one
 * vector goes to the scalar scanner.
 *
 * <h2>The classes, in vector operations</h2>
 * <pre>
 *   a byte value     v == value
 *   control          (v &lt;u 0x20 and v != HTAB) or v == DEL          (CR and LF are controls too)
 *   not visible      not (v &gt; 0x20 and v &lt; 0x7F), signed: bytes 0x80.. are negative, so not visible
 *   a name byte      (v | 0x20) - 'a' &lt;u 26, or v - '0' &lt;u 10, or v == '-'   (fused step)
 *                    table[v &amp; 0x7F] has its sign bit, and v &gt;= 0             (index)
 *   whitespace       v == SP or v == HTAB                              (fused step only)
 *   a bad byte       table[v &amp; 0x7F] == CONTROL and v &gt;= 0, that is     (index only: where it stops)
 *                    below 0x20 or DEL but not HTAB, CR, LF;
 *                    or LF xor (CR mask &lt;&lt; 1, carry in)
 * </pre>
 * The index looks its two classes up rather than computing them: one permute over a
 * 128-byte table held in two vectors, where the compares took six compares and three
 * arithmetic operations (stage 1 for a browser's request: about 39 to 28 ns). That permute
 * is one instruction only with AVX-512 VBMI; elsewhere the scanner keeps no index (see
 * {@link CpuFlags}).
 *
 * <h2>Where scalar wins, and what was measured</h2>
 * <ul>
 *   <li><b>Tokens stay scalar.</b> A method is 3 to 7 bytes; the scalar table loop stops at
 *       its end, and a vector costs the same for 64. The first version validated tokens with
 *       the exact RFC 9110 set through two nibble-table lookups ({@code selectFrom}, as
 *       {@link ByteScan} does for long inputs): in the parser it was the single hottest spot
 *       of a JFR profile (61% of samples with {@code -XX:+DebugNonSafepoints}), although the
 *       same kernel alone was as fast as a plain compare. Our reading: the parser compiles
 *       into one large method, C2 stopped inlining inside it
 *       ({@code NodeCountInliningCutoff} in {@code -XX:+PrintInlining}), and a vector
 *       operation the JIT cannot finish intrinsifying runs its Java fallback. With tokens
 *       scalar the browser request got about 1.2x faster.</li>
 *   <li><b>Names are checked against a smaller set.</b> The fused step accepts letters,
 *       digits and {@code '-'} (every real field name) with three compares and no table;
 *       a name with another token character ({@code X_Custom}, {@code a.b}) is declined and
 *       checked exactly, byte by byte, by the general path. Declining costs speed, never
 *       correctness.</li>
 *   <li><b>Three searches per line were not enough.</b> Calling the LF, token and control
 *       searches one after the other, each a vector, made the browser request only about
 *       1.1x faster than the SWAR scanner: the fixed cost of three calls, three loads and
 *       three loops per line ate the gain. One load per line, and the value's whitespace
 *       trimmed by mask instead of by byte, is what the fused step adds.</li>
 *   <li><b>An index is not enough by itself either.</b> The first index held three masks
 *       (LF, not-a-name byte, control) and the parser searched all three per line, then
 *       checked the CR and the LF by byte: no faster than the fused step (1.0x to 1.07x).
 *       Starting the control search at the line's start instead of after the colon, so the
 *       two searches did not wait for each other, changed nothing measurable. What paid was
 *       moving a rule from the walk into the index: the stop at the first bad control byte
 *       removed one search and three byte compares per line (1.16x to 1.24x the fused
 *       step). Smaller steps, each inside the noise alone, added the rest: "control but not
 *       HTAB, CR, LF" from {@code long} masks rather than a chain of vector-mask operations,
 *       whole blocks without the tail's shift, the request line's LF and the method's end
 *       from the index. Stage 2 is instruction-bound, not latency-bound: each byte it no
 *       longer reads, and each search it no longer makes, shows.</li>
 * </ul>
 * These ratios come from a CPU-time harness on a busy two-vCPU machine, not from JMH; the
 * JMH figures are in {@code bench/README.md}.
 *
 * <p>The species is the machine's preferred one, capped at 512 bits (64 lanes, the most a
 * {@code long} mask can hold). {@link VectorHttpScannerProvider} only offers this class when
 * {@link SimdSupport} chose the vector path (module present, species of 128 bits or more).
 * Loading it needs {@code --add-modules jdk.incubator.vector}.
 *
 * <h2>A vector is born and dies in one method</h2>
 * No method here takes or returns a vector: each loads its vector, classifies it and hands
 * on {@code long}s. A vector passed to a method the JIT did not inline is boxed (96 bytes
 * for 64 lanes), and "small enough to inline" is not a promise. The index once had four
 * tiny class helpers taking the loaded vector; in 2 of 14 runs of the module's tests the
 * zero-allocation test saw 96 bytes per parse. {@code -XX:+LogCompilation} showed why: C2 compiled the
 * parser as one large method, inlined the scanner's block method into it, then hit
 * {@code NodeCountInliningCutoff} and called two of the helpers instead, boxing the vector
 * for each call. Whether the cutoff strikes depends on what was compiled first, so the same
 * code allocated in some JVMs and not in others. The Vector API's own methods are exempt
 * (they are force-inlined); ours are not. Now the block method is inlined whole or called
 * with primitives, and either way nothing is boxed.
 */
final class VectorHttpScanner implements HttpScanner {

    private static final VectorSpecies<Byte> BYTES = ByteVector.SPECIES_PREFERRED.length() > Long.SIZE
            ? ByteVector.SPECIES_512 : ByteVector.SPECIES_PREFERRED;
    private static final int LANES = BYTES.length();
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    /** What a lane is tested for. */
    private static final int VALUE = 0;
    private static final int CONTROL = 1;
    private static final int NON_VISIBLE = 2;

    private static final HttpScanner SCALAR = HttpScanners.scalar();

    /** Longer field lines are declined, so every offset fits the 15 bits the packed answer gives it. */
    private static final int MAX_LINE = Short.MAX_VALUE - 1;

    /**
     * Whether this scanner builds structural indexes: it needs 64 lanes (one {@code long} mask
     * per block) and a CPU that looks a byte up in a 128-entry table in one instruction
     * (see {@link CpuFlags}). Without them the parser is served line by line by the fused step.
     */
    static final boolean INDEXES = indexes(LANES, CpuFlags.has(CpuFlags.AVX512_VBMI));

    static boolean indexes(int lanes, boolean tableLookupInstruction) {
        return lanes == Long.SIZE && tableLookupInstruction;
    }

    /** What the parser gets from this scanner on this machine, in words (for {@code lab doctor}). */
    static String describeIndex() {
        return INDEXES ? "structural index: 64-byte blocks, classes by one table lookup (AVX-512 VBMI)"
                : LANES != Long.SIZE ? "no structural index: it needs 64 byte lanes, the species has " + LANES
                : "no structural index: this CPU has no AVX-512 VBMI for its table lookup";
    }

    VectorHttpScanner() {
    }

    /** The vector width the scanner uses, in bits. */
    static int bits() {
        return BYTES.vectorBitSize();
    }

    // ---- byte[] ----

    @Override
    public int indexOf(byte[] array, int from, int to, byte value) {
        return first(array, from, to, VALUE, value);
    }

    /** Tokens are short: see "Where scalar wins" in the class doc. */
    @Override
    public int indexOfNonTchar(byte[] array, int from, int to) {
        return SCALAR.indexOfNonTchar(array, from, to);
    }

    @Override
    public int indexOfNonVisible(byte[] array, int from, int to) {
        return first(array, from, to, NON_VISIBLE, (byte) 0);
    }

    @Override
    public int indexOfControl(byte[] array, int from, int to) {
        return first(array, from, to, CONTROL, (byte) 0);
    }

    // ---- MemorySegment ----

    @Override
    public long indexOf(MemorySegment segment, long from, long to, byte value) {
        return first(segment, from, to, VALUE, value);
    }

    @Override
    public long indexOfNonTchar(MemorySegment segment, long from, long to) {
        return SCALAR.indexOfNonTchar(segment, from, to);
    }

    @Override
    public long indexOfNonVisible(MemorySegment segment, long from, long to) {
        return first(segment, from, to, NON_VISIBLE, (byte) 0);
    }

    @Override
    public long indexOfControl(MemorySegment segment, long from, long to) {
        return first(segment, from, to, CONTROL, (byte) 0);
    }

    @Override
    public String description() {
        return "vector (" + bits() + "-bit, " + LANES + " bytes per step)";
    }

    @Override
    public String toString() {
        return "vector";
    }

    // ---- the fused step: a whole clean field line ----

    /**
     * One vector load at {@code from} usually holds a whole header line, and two masks of it
     * settle the line. The first non-token byte must be a colon, and not the first byte (that
     * would be an empty name, or an obs-fold's leading space). Then the first control byte
     * after the colon must be a CR with an LF right after it: the value held no control byte,
     * and the line ends properly. The LF needs no compare of its own, because CR and LF are
     * both controls. A line that goes on past the first vector is followed vector by vector;
     * anything else, and a line that reaches the last vector of the array, is declined: the
     * parser's general path then decides it, rule by rule.
     */
    @Override
    public long fieldLine(byte[] array, int from, int to) {
        int limit = array.length - LANES; // the last index a whole vector may be loaded from
        if (from > limit) {
            return -1;
        }
        ByteVector v = ByteVector.fromArray(BYTES, array, from);
        // Names: letters, digits and '-' (every real field name); other token characters decline.
        long notName = ~v.or((byte) 0x20).sub((byte) 'a').compare(VectorOperators.ULT, (byte) 26)
                .or(v.sub((byte) '0').compare(VectorOperators.ULT, (byte) 10))
                .or(v.eq((byte) '-')).toLong();
        long controls = v.compare(VectorOperators.ULT, (byte) 0x20).andNot(v.eq((byte) '\t'))
                .or(v.eq((byte) 0x7F)).toLong();
        int colon = Long.numberOfTrailingZeros(notName);
        if (colon == 0 || colon >= LANES || array[from + colon] != ':') {
            return -1;
        }
        long afterColon = controls & (-2L << colon);
        if (afterColon != 0) {
            // The common case: the whole line in this vector. The value is what lies between
            // the colon and the CR that is not SP or HTAB, first lane to last.
            int cr = Long.numberOfTrailingZeros(afterColon);
            if (from + cr + 1 >= to || array[from + cr] != '\r' || array[from + cr + 1] != '\n') {
                return -1;
            }
            long value = ~v.eq((byte) ' ').or(v.eq((byte) '\t')).toLong() & (-2L << colon) & ((1L << cr) - 1);
            return value == 0 ? pack(cr + 1, colon, cr, cr)
                    : pack(cr + 1, colon, Long.numberOfTrailingZeros(value), Long.SIZE - Long.numberOfLeadingZeros(value));
        }
        return longFieldLine(array, from, to, colon);
    }

    /**
     * A line longer than one vector: follow it vector by vector to its first control byte,
     * then trim the value by byte. Kept out of {@link #fieldLine(byte[], int, int)} so that
     * the common case stays under the size C2 inlines into the parser's loop.
     */
    private static long longFieldLine(byte[] array, int from, int to, int colon) {
        int limit = array.length - LANES;
        long afterColon = 0;
        int at = from;
        while (afterColon == 0) {
            at += LANES;
            if (at > limit || at >= to || at - from > MAX_LINE) {
                return -1;
            }
            afterColon = controlMask(array, at);
        }
        int cr = at + Long.numberOfTrailingZeros(afterColon);
        if (cr + 1 >= to || cr + 1 - from > MAX_LINE || array[cr] != '\r' || array[cr + 1] != '\n') {
            return -1;
        }
        int start = from + colon + 1;
        while (start < cr && (array[start] == ' ' || array[start] == '\t')) {
            start++;
        }
        int end = cr;
        while (end > start && (array[end - 1] == ' ' || array[end - 1] == '\t')) {
            end--;
        }
        return pack(cr + 1 - from, colon, start - from, end - from);
    }

    @Override
    public long fieldLine(MemorySegment segment, long from, long to) {
        long limit = segment.byteSize() - LANES;
        if (from > limit) {
            return -1;
        }
        ByteVector v = ByteVector.fromMemorySegment(BYTES, segment, from, LE);
        long notName = ~v.or((byte) 0x20).sub((byte) 'a').compare(VectorOperators.ULT, (byte) 26)
                .or(v.sub((byte) '0').compare(VectorOperators.ULT, (byte) 10))
                .or(v.eq((byte) '-')).toLong();
        long controls = v.compare(VectorOperators.ULT, (byte) 0x20).andNot(v.eq((byte) '\t'))
                .or(v.eq((byte) 0x7F)).toLong();
        int colon = Long.numberOfTrailingZeros(notName);
        if (colon == 0 || colon >= LANES || byteAt(segment, from + colon) != ':') {
            return -1;
        }
        long afterColon = controls & (-2L << colon);
        if (afterColon != 0) {
            int cr = Long.numberOfTrailingZeros(afterColon);
            if (from + cr + 1 >= to || byteAt(segment, from + cr) != '\r' || byteAt(segment, from + cr + 1) != '\n') {
                return -1;
            }
            long value = ~v.eq((byte) ' ').or(v.eq((byte) '\t')).toLong() & (-2L << colon) & ((1L << cr) - 1);
            return value == 0 ? pack(cr + 1, colon, cr, cr)
                    : pack(cr + 1, colon, Long.numberOfTrailingZeros(value), Long.SIZE - Long.numberOfLeadingZeros(value));
        }
        return longFieldLine(segment, from, to, colon);
    }

    private static long longFieldLine(MemorySegment segment, long from, long to, int colon) {
        long limit = segment.byteSize() - LANES;
        long afterColon = 0;
        long at = from;
        while (afterColon == 0) {
            at += LANES;
            if (at > limit || at >= to || at - from > MAX_LINE) {
                return -1;
            }
            afterColon = controlMask(segment, at);
        }
        long cr = at + Long.numberOfTrailingZeros(afterColon);
        if (cr + 1 >= to || cr + 1 - from > MAX_LINE || byteAt(segment, cr) != '\r' || byteAt(segment, cr + 1) != '\n') {
            return -1;
        }
        long start = from + colon + 1;
        while (start < cr && (byteAt(segment, start) == ' ' || byteAt(segment, start) == '\t')) {
            start++;
        }
        long end = cr;
        while (end > start && (byteAt(segment, end - 1) == ' ' || byteAt(segment, end - 1) == '\t')) {
            end--;
        }
        return pack((int) (cr + 1 - from), colon, (int) (start - from), (int) (end - from));
    }

    // ---- the structural index: the whole head classified in one pass ----

    /**
     * Classifies {@code array[from, to)} 64 bytes at a time into two masks per block (LF; not
     * a name byte), and stops at the first control byte that is not half of a CR LF pair.
     * The blocks hardly depend on each other (one carried bit: was the last byte a CR?), so
     * the CPU works on several at once; contrast the fused step, where each line's load waits
     * for the previous line's end. Declines (-1) where {@link #INDEXES} is false: only a
     * 64-lane species fills a {@code long} mask, and the classes need the table instruction.
     */
    @Override
    public int structuralIndex(byte[] array, int from, int to, long[] index) {
        if (!INDEXES || array.length < LANES || from < 0 || to > array.length || from >= to
                || index.length < INDEX_MASKS) {
            return -1;
        }
        int end = Math.min(to, from + index.length / INDEX_MASKS * LANES - 1); // a lane of padding at least
        int lastLoad = array.length - LANES;
        long carry = 0;
        int at = from;
        int slot = 0;
        // Whole blocks: 64 lanes, all ours (shift 0 and valid 64 fold away once inlined).
        for (; at < end - LANES && at <= lastLoad; at += LANES, slot += INDEX_MASKS) {
            carry = block(array, at, 0, LANES, carry, index, slot);
            if (carry < 0) {
                return at + (int) ~carry - from;
            }
        }
        // The rest, up to a block with padding. Near the end of the array, load the last whole
        // vector and shift the lanes before `at` away.
        for (; at <= end; at += LANES, slot += INDEX_MASKS) {
            int load = Math.min(at, lastLoad);
            carry = block(array, load, at - load, end - at, carry, index, slot);
            if (carry < 0) {
                return at + (int) ~carry - from;
            }
        }
        return end - from;
    }

    @Override
    public int structuralIndex(MemorySegment segment, long from, long to, long[] index) {
        long size = segment.byteSize();
        if (!INDEXES || size < LANES || from < 0 || to > size || from >= to
                || index.length < INDEX_MASKS) {
            return -1;
        }
        long end = Math.min(to, from + (long) (index.length / INDEX_MASKS) * LANES - 1);
        long lastLoad = size - LANES;
        long carry = 0;
        int slot = 0;
        for (long at = from; at <= end; at += LANES, slot += INDEX_MASKS) {
            long load = Math.min(at, lastLoad);
            carry = block(segment, load, (int) (at - load), (int) Math.min(end - at, LANES), carry, index, slot);
            if (carry < 0) {
                return (int) (at + ~carry - from);
            }
        }
        return (int) (end - from);
    }

    /**
     * One block: bit k is lane {@code shift + k}, and the first {@code valid} bits are ours.
     * The vector is loaded, classified and dropped here, and only {@code long}s leave (see
     * "A vector is born and dies in one method" above); the segment twin below differs only
     * in its load.
     */
    private static long block(byte[] array, int load, int shift, int valid, long carry, long[] index, int slot) {
        ByteVector v = ByteVector.fromArray(BYTES, array, load);
        ByteVector classes = v.selectFrom(CLASS_LOW, CLASS_HIGH);
        long ascii = ~v.compare(VectorOperators.LT, (byte) 0).toLong();
        return masks(v.eq((byte) '\n').toLong() >>> shift,
                v.eq((byte) '\r').toLong() >>> shift,
                (classes.eq(CONTROL_CLASS).toLong() & ascii) >>> shift,
                (classes.compare(VectorOperators.LT, (byte) 0).toLong() & ascii) >>> shift, // NAME_CLASS: the sign bit
                valid, carry, index, slot);
    }

    private static long block(MemorySegment segment, long load, int shift, int valid, long carry, long[] index, int slot) {
        ByteVector v = ByteVector.fromMemorySegment(BYTES, segment, load, LE);
        ByteVector classes = v.selectFrom(CLASS_LOW, CLASS_HIGH);
        long ascii = ~v.compare(VectorOperators.LT, (byte) 0).toLong();
        return masks(v.eq((byte) '\n').toLong() >>> shift,
                v.eq((byte) '\r').toLong() >>> shift,
                (classes.eq(CONTROL_CLASS).toLong() & ascii) >>> shift,
                (classes.compare(VectorOperators.LT, (byte) 0).toLong() & ascii) >>> shift,
                valid, carry, index, slot);
    }

    /**
     * The block's four lane masks (LF; CR; a control byte other than HTAB, CR and LF; a name
     * byte) into its two index words. A byte is bad when it is such a control byte, or where
     * the LF mask and the CR mask moved one lane on (a CR's successor) disagree: an LF
     * without its CR, or the byte after a CR that is no LF. The words are written up to the
     * first bad byte; every lane past that (or past the valid ones) is set in both, so that a
     * search stops there. Returns the carry for the next block (1 when this block ends in a
     * CR), or {@code ~stop} (negative) when the index stops at lane {@code stop}.
     */
    private static long masks(long lf, long cr, long otherControls, long name, int valid, long carry, long[] index, int slot) {
        long ours = valid >= Long.SIZE ? -1L : ~(-1L << valid);
        long bad = (otherControls | lf ^ (cr << 1 | carry)) & ours;
        long next = cr >>> 63;
        if (bad != 0) {
            next = ~(long) Long.numberOfTrailingZeros(bad);
            ours &= ~(-1L << Long.numberOfTrailingZeros(bad)); // tz < 64 here
        }
        index[slot + INDEX_LF] = lf | ~ours;
        index[slot + INDEX_NOT_NAME] = ~(name & ours);
        return next;
    }

    /**
     * A lane's class is looked up instead of computed: the byte's low seven bits pick one of
     * 128 table entries spread over two vectors (one two-vector {@code selectFrom}, a single
     * permute instruction, {@code vpermi2b}, on AVX-512 VBMI). A byte from 0x80 on wraps
     * onto an ASCII entry, so both class masks drop the lanes that are negative as bytes,
     * one compare shared by both. The two classes then cost three compares and a permute,
     * where computing them took six compares and three arithmetic operations. The tables
     * are constants, so C2 loads them once, outside the loop.
     */
    private static final byte[] CLASS_TABLE = classTable();
    private static final ByteVector CLASS_LOW = ByteVector.fromArray(BYTES, CLASS_TABLE, 0);
    private static final ByteVector CLASS_HIGH = ByteVector.fromArray(BYTES, CLASS_TABLE, LANES); // LANES is 64 when an index is built

    /** A name byte's class: the sign bit, so that "is it a name byte" is a compare with zero. */
    private static final byte NAME_CLASS = (byte) 0x80;
    /** A control byte but HTAB, CR and LF, or DEL: where the index stops. */
    private static final byte CONTROL_CLASS = 0x40;

    /** The class of every byte value below 0x80; sized for two vectors of up to 64 lanes. */
    private static byte[] classTable() {
        byte[] table = new byte[Math.max(128, 2 * LANES)];
        for (int b = 0; b < 128; b++) {
            boolean name = b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '-';
            boolean control = (b < 0x20 || b == 0x7F) && b != '\t' && b != '\r' && b != '\n';
            table[b] = name ? NAME_CLASS : control ? CONTROL_CLASS : 0;
        }
        return table;
    }

    /** Four offsets into one long, 16 bits each (see {@link HttpScanner#fieldLine}); all below 2^15. */
    private static long pack(int lf, int colon, int valueStart, int valueEnd) {
        return (long) lf << 48 | (long) colon << 32 | (long) valueStart << 16 | valueEnd;
    }

    private static byte byteAt(MemorySegment segment, long at) {
        return segment.get(ValueLayout.JAVA_BYTE, at);
    }

    // ---- the search loop: whole vectors, reading past `to` but never past the end ----

    private static int first(byte[] array, int from, int to, int kind, byte value) {
        for (int i = from; i < to; i += LANES) {
            int at = i;
            long hits;
            if (i <= array.length - LANES) {
                hits = maskAt(array, i, kind, value);
            } else if (array.length >= LANES) {
                // the last full vector, ending at the array's end; lanes before i are not ours
                at = array.length - LANES;
                hits = maskAt(array, at, kind, value) & (-1L << (i - at));
            } else {
                return scalar(array, i, to, kind, value);
            }
            if (hits != 0) {
                int hit = at + Long.numberOfTrailingZeros(hits);
                return hit < to ? hit : -1;
            }
        }
        return -1;
    }

    private static long first(MemorySegment segment, long from, long to, int kind, byte value) {
        long size = segment.byteSize();
        for (long i = from; i < to; i += LANES) {
            long at = i;
            long hits;
            if (i <= size - LANES) {
                hits = maskAt(segment, i, kind, value);
            } else if (size >= LANES) {
                at = size - LANES;
                hits = maskAt(segment, at, kind, value) & (-1L << (i - at));
            } else {
                return scalar(segment, i, to, kind, value);
            }
            if (hits != 0) {
                long hit = at + Long.numberOfTrailingZeros(hits);
                return hit < to ? hit : -1;
            }
        }
        return -1;
    }

    /** {@code kind} is a constant at every call site, so after inlining only one call is left. */
    private static long maskAt(byte[] array, int at, int kind, byte value) {
        return switch (kind) {
            case VALUE -> valueMask(array, at, value);
            case CONTROL -> controlMask(array, at);
            default -> nonVisibleMask(array, at);
        };
    }

    private static long maskAt(MemorySegment segment, long at, int kind, byte value) {
        return switch (kind) {
            case VALUE -> valueMask(segment, at, value);
            case CONTROL -> controlMask(segment, at);
            default -> nonVisibleMask(segment, at);
        };
    }

    // ---- one vector, one class: bit k set when lane k is in it. Small, so the JIT inlines them;
    // each loads its own vector (the same bytes twice are two L1 hits, cheaper than a vector
    // passed across a call the JIT might not inline) ----

    private static long valueMask(byte[] array, int at, byte value) {
        return ByteVector.fromArray(BYTES, array, at).eq(value).toLong();
    }

    private static long controlMask(byte[] array, int at) {
        ByteVector v = ByteVector.fromArray(BYTES, array, at);
        return v.compare(VectorOperators.ULT, (byte) 0x20).andNot(v.eq((byte) '\t')).or(v.eq((byte) 0x7F)).toLong();
    }

    private static long nonVisibleMask(byte[] array, int at) {
        ByteVector v = ByteVector.fromArray(BYTES, array, at);
        return v.compare(VectorOperators.GT, (byte) 0x20).and(v.compare(VectorOperators.LT, (byte) 0x7F)).not().toLong();
    }


    private static long valueMask(MemorySegment segment, long at, byte value) {
        return ByteVector.fromMemorySegment(BYTES, segment, at, LE).eq(value).toLong();
    }

    private static long controlMask(MemorySegment segment, long at) {
        ByteVector v = ByteVector.fromMemorySegment(BYTES, segment, at, LE);
        return v.compare(VectorOperators.ULT, (byte) 0x20).andNot(v.eq((byte) '\t')).or(v.eq((byte) 0x7F)).toLong();
    }

    private static long nonVisibleMask(MemorySegment segment, long at) {
        ByteVector v = ByteVector.fromMemorySegment(BYTES, segment, at, LE);
        return v.compare(VectorOperators.GT, (byte) 0x20).and(v.compare(VectorOperators.LT, (byte) 0x7F)).not().toLong();
    }


    private static int scalar(byte[] array, int from, int to, int kind, byte value) {
        return switch (kind) {
            case VALUE -> SCALAR.indexOf(array, from, to, value);
            case CONTROL -> SCALAR.indexOfControl(array, from, to);
            default -> SCALAR.indexOfNonVisible(array, from, to);
        };
    }

    private static long scalar(MemorySegment segment, long from, long to, int kind, byte value) {
        return switch (kind) {
            case VALUE -> SCALAR.indexOf(segment, from, to, value);
            case CONTROL -> SCALAR.indexOfControl(segment, from, to);
            default -> SCALAR.indexOfNonVisible(segment, from, to);
        };
    }
}
