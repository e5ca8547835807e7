package dev.wirelab.core.parse;

import java.lang.foreign.MemorySegment;
import java.util.Optional;

/**
 * The four byte searches an HTTP/1.1 head spends its time in, behind one interface so that
 * the bytes can be searched by plain Java here or by SIMD instructions in the {@code simd}
 * module, which core cannot depend on. {@link HttpScanners} picks the implementation once per
 * JVM; read its class doc for how, and for what the JIT makes of the call.
 *
 * <h2>The searches</h2>
 * <pre>
 *   indexOf          a byte value      the LF that ends each line (and so the empty line that ends the head)
 *   indexOfNonTchar  not RFC 9110 tchar the end of a method or a field name (token validation)
 *   indexOfNonVisible not 0x21..0x7E   the end of the request target
 *   indexOfControl   CTL but HTAB, DEL the first byte a field value may not hold (field-content)
 *   fieldLine        (optional)        a whole clean field line at once, or "no, take the searches"
 *   structuralIndex  (optional)        the whole head classified once: two bit masks per 64 bytes
 * </pre>
 * Each comes twice: over a {@code byte[]} (a heap buffer's array) and over a
 * {@link MemorySegment} (a direct buffer, native or mapped memory). Indexes are absolute in
 * the array or segment, and the answer is the first matching index in {@code [from, to)},
 * or {@code -1}.
 *
 * <h2>The contract an implementation keeps</h2>
 * <ul>
 *   <li><b>Same answers.</b> Every implementation returns exactly what
 *       {@link HttpScanners#scalar()} returns, for every input and every window; the tests run
 *       the parser's whole suite over each implementation found and compare them directly on
 *       random windows.</li>
 *   <li><b>May look, never tell.</b> An implementation may <em>read</em> bytes of the array
 *       or segment outside {@code [from, to)} (a SIMD load is a fixed width, and the line
 *       rarely is), but its answer depends only on the bytes inside the window. It never
 *       reads outside the array or segment.</li>
 *   <li><b>Never throws, allocates nothing, keeps no state.</b> One instance serves every
 *       parser on every thread.</li>
 * </ul>
 */
public interface HttpScanner {

    /** The first {@code value} in {@code array[from, to)}, or -1. */
    int indexOf(byte[] array, int from, int to, byte value);

    /** The first {@code value} in {@code segment[from, to)}, or -1. */
    long indexOf(MemorySegment segment, long from, long to, byte value);

    /** The first byte of {@code array[from, to)} that is not a token character (RFC 9110 tchar), or -1. */
    int indexOfNonTchar(byte[] array, int from, int to);

    /** The first byte of {@code segment[from, to)} that is not a token character, or -1. */
    long indexOfNonTchar(MemorySegment segment, long from, long to);

    /** The first byte of {@code array[from, to)} outside visible ASCII (0x21..0x7E), or -1. */
    int indexOfNonVisible(byte[] array, int from, int to);

    /** The first byte of {@code segment[from, to)} outside visible ASCII, or -1. */
    long indexOfNonVisible(MemorySegment segment, long from, long to);

    /** The first control byte of {@code array[from, to)} other than HTAB (below 0x20, or DEL), or -1. */
    int indexOfControl(byte[] array, int from, int to);

    /** The first control byte of {@code segment[from, to)} other than HTAB, or -1. */
    long indexOfControl(MemorySegment segment, long from, long to);

    /**
     * An optional fused step: recognise, in one pass, a whole <em>clean</em> field line that
     * starts at {@code from} and whose LF lies before {@code to}: a non-empty token name, a
     * colon right after it, a value with no control byte (HTAB allowed), and CR LF at the
     * end. The answer packs four offsets relative to {@code from}, 16 bits each:
     * <pre>
     *   bits 63..48  the LF        bits 47..32  the colon (= the end of the name)
     *   bits 31..16  the value's first byte, after optional whitespace
     *   bits 15..0   the value's end, before optional whitespace (both = the CR when it is empty)
     * </pre>
     * or -1 to decline (so a line must be shorter than 32 KiB: the top bit stays clear).
     *
     * <p>Declining is always allowed and never changes a result: the parser then takes the
     * general path (the four searches above, rule by rule), which is also the only path that
     * reports errors. An implementation may therefore decline whatever it cannot do cheaply
     * (a name with unusual token characters, the last bytes of the buffer). The scalar scanner
     * always declines: for it the separate searches are the fast path.
     */
    default long fieldLine(byte[] array, int from, int to) {
        return -1;
    }

    /** {@link #fieldLine(byte[], int, int)} over a segment; the answer is packed the same way. */
    default long fieldLine(MemorySegment segment, long from, long to) {
        return -1;
    }

    /** Longs per 64-byte block in a {@linkplain #structuralIndex structural index}. */
    int INDEX_MASKS = 2;
    /** The mask of LF bytes. */
    int INDEX_LF = 0;
    /** The mask of bytes that cannot be in a field name the index accepts: all but [A-Za-z0-9-]. */
    int INDEX_NOT_NAME = 1;

    /**
     * An optional whole-head pass: classify the bytes of {@code array[from, to)} once, and
     * write for each 64-byte block two bit masks into {@code index}, block after block
     * ({@code index[2 b + INDEX_LF]}, {@code index[2 b + INDEX_NOT_NAME]}). Bit k of block b
     * describes byte {@code from + 64 b + k}: set in the first mask when the byte is LF, in
     * the second when it is not a letter, digit or {@code '-'}.
     *
     * <p>The index stops early, at the first control byte that is not part of a CR LF pair
     * (a bare CR or LF, or a control byte other than HTAB: all of them are errors in a head).
     * So inside the index every LF has a CR before it, and every CR but perhaps the last
     * indexed byte has an LF after it; a line whose LF lies inside the index is free of
     * control bytes, bare CRs included, without another look.
     *
     * <p>Returns how many bytes were indexed from {@code from}: at most {@code to - from},
     * fewer when the index stopped early (0 when the first byte is already bad) or
     * {@code index} cannot hold them, but always fewer
     * than the blocks written can hold, and every lane past the last indexed byte is set in
     * <em>both</em> masks: a search for the next set bit always stops inside the index,
     * without a bounds test. Or returns -1 to decline: the parser then takes a line at a time,
     * as with a scanner without an index. The index says what the bytes <em>are</em>; the
     * parser decides what they mean, so the rules stay in one place. The scalar scanner
     * declines: one byte at a time, the masks would cost more than they save.
     */
    default int structuralIndex(byte[] array, int from, int to, long[] index) {
        return -1;
    }

    /** {@link #structuralIndex(byte[], int, int, long[])} over a segment. */
    default int structuralIndex(MemorySegment segment, long from, long to, long[] index) {
        return -1;
    }

    /** What this implementation is, in a few words: {@code "scalar (SWAR, 8 bytes per step)"}. */
    String description();

    /**
     * What a module registers with {@link java.util.ServiceLoader} (a line naming its class in
     * {@code META-INF/services/dev.wirelab.core.parse.HttpScanner$Provider}) to offer a faster
     * scanner. The provider class itself must link on any JVM: it decides whether its scanner
     * can run here before it loads the scanner's class.
     */
    interface Provider {

        /** The scanner, or empty when it cannot run in this JVM. Never throws. */
        Optional<HttpScanner> scanner();

        /** Why the scanner is or is not offered, in words (shown by {@code lab doctor}). */
        String reason();
    }
}
