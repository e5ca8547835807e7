package dev.wirelab.core.parse;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * WireBytes reads through three backing stores (a heap array, a ByteBuffer, a MemorySegment);
 * every store, at a non-zero offset and in either buffer byte order, must read the same bytes.
 * The whole class runs once per {@link HttpScanner} this JVM can run (the scalar one in core;
 * the vector one too where the simd module's tests run it): the searches go through it.
 */
@ParameterizedClass(name = "scanner={0}")
@MethodSource("dev.wirelab.core.parse.HttpScannerTest#scanners")
class WireBytesTest {

    @Parameter
    HttpScanner scanner;

    /** Five bytes of padding before the window, so an offset that is ignored shows up at once. */
    private static final int PAD = 5;

    private static Arena arena;

    @BeforeAll
    static void openArena() {
        arena = Arena.ofShared();
    }

    @AfterAll
    static void closeArena() {
        arena.close();
    }

    /** Every way a caller can hand bytes over; each wraps {@code data} at offset {@link #PAD}. */
    enum Store {
        HEAP_BUFFER((data, s) -> wrap(ByteBuffer.wrap(padded(data)), s)),
        HEAP_BUFFER_LITTLE_ENDIAN((data, s) -> wrap(ByteBuffer.wrap(padded(data)).order(ByteOrder.LITTLE_ENDIAN), s)),
        /** A slice: its array offset is not zero, so index 0 of the buffer is not index 0 of the array. */
        HEAP_SLICE((data, s) -> {
            byte[] twice = padded(padded(data));
            WireBytes bytes = new WireBytes(s);
            bytes.wrap(ByteBuffer.wrap(twice).position(PAD).slice(), PAD, PAD + data.length);
            return bytes;
        }),
        /** Read-only heap buffers hide their array: the buffer path, not the array path. */
        READ_ONLY_HEAP_BUFFER((data, s) -> wrap(ByteBuffer.wrap(padded(data)).asReadOnlyBuffer(), s)),
        DIRECT_BUFFER((data, s) -> wrap(ByteBuffer.allocateDirect(PAD + data.length).put(padded(data)).flip(), s)),
        DIRECT_BUFFER_LITTLE_ENDIAN((data, s) -> wrap(ByteBuffer.allocateDirect(PAD + data.length).put(padded(data)).flip()
                .order(ByteOrder.LITTLE_ENDIAN), s)),
        HEAP_SEGMENT((data, s) -> wrap(MemorySegment.ofArray(padded(data)), s)),
        NATIVE_SEGMENT((data, s) -> wrap(arena.allocate(PAD + data.length).copyFrom(MemorySegment.ofArray(padded(data))), s));

        private final BiFunction<byte[], HttpScanner, WireBytes> wrapper;

        Store(BiFunction<byte[], HttpScanner, WireBytes> wrapper) {
            this.wrapper = wrapper;
        }

        WireBytes over(byte[] data, HttpScanner scanner) {
            return wrapper.apply(data, scanner);
        }

        private static byte[] padded(byte[] data) {
            byte[] out = new byte[PAD + data.length];
            java.util.Arrays.fill(out, 0, PAD, (byte) '\n'); // padding that a search must never find
            System.arraycopy(data, 0, out, PAD, data.length);
            return out;
        }

        private static WireBytes wrap(ByteBuffer buffer, HttpScanner scanner) {
            WireBytes bytes = new WireBytes(scanner);
            assertTrue(bytes.wrap(buffer, PAD, buffer.limit()));
            return bytes;
        }

        private static WireBytes wrap(MemorySegment segment, HttpScanner scanner) {
            WireBytes bytes = new WireBytes(scanner);
            assertTrue(bytes.wrap(segment, PAD, segment.byteSize()));
            return bytes;
        }
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void readsFieldsBigEndianFromEveryStore(Store store) {
        WireBytes bytes = store.over(new byte[] {(byte) 0xCA, (byte) 0xFE, 0x12, 0x34, (byte) 0x80, 0x01}, scanner);

        assertEquals(6, bytes.length());
        assertEquals(0xCA, bytes.u8(0));
        assertEquals(0xCAFE, bytes.u16(0));
        assertEquals(0xFE12, bytes.u16(1));
        assertEquals(0x8001, bytes.u16(4));
        assertEquals(0xCAFE1234, bytes.s32(0));
        assertEquals(0x12348001, bytes.s32(2));
    }

    /**
     * The search must agree with a byte-by-byte search for every window, wherever the match
     * falls in a word or a vector: 150 bytes span more than two 64-byte vectors, and windows
     * near the end take the vector scanner's last-vector path.
     */
    @ParameterizedTest
    @EnumSource(Store.class)
    void findsTheSameFirstMatchAsAPlainLoopInEveryWindow(Store store) {
        Random random = new Random(0x5EA2C4L);
        byte[] data = new byte[150];
        for (int i = 0; i < data.length; i++) {
            // Few distinct values, so matches are dense; 0x80 and 0x8A probe the high-bit and borrow cases.
            data[i] = new byte[] {'\n', '\r', ':', 'a', (byte) 0x80, (byte) 0x8A, 0x0B, 0x09}[random.nextInt(8)];
        }
        WireBytes bytes = store.over(data, scanner);
        List<String> wrong = new ArrayList<>();
        for (int value : new int[] {'\n', '\r', ':', 0x80, 0x8A, 'z'}) {
            for (int from = 0; from <= data.length; from++) {
                for (int to = from; to <= data.length; to++) {
                    int expected = plainIndexOf(data, value, from, to);
                    int actual = bytes.indexOf(value, from, to);
                    if (actual != expected) {
                        wrong.add("indexOf(0x" + Integer.toHexString(value) + ", " + from + ", " + to + ") = " + actual
                                + ", expected " + expected);
                    }
                }
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " searches wrong, the first: " + wrong.subList(0, Math.min(5, wrong.size())));
    }

    /**
     * The SWAR control-byte search must agree with the byte rule of field content for every
     * window: tabs (legal, yet below 0x20) next to real controls, DEL, and high bytes (legal
     * obs-text) that a careless borrow test would flag.
     */
    @ParameterizedTest
    @EnumSource(Store.class)
    void findsTheSameFirstControlByteAsAPlainLoopInEveryWindow(Store store) {
        Random random = new Random(0xC0D7L);
        byte[] palette = {'a', ' ', 0x09, 0x09, 0x00, 0x1F, 0x7F, (byte) 0x80, (byte) 0xFF, 0x20, 0x21, '\r'};
        List<String> wrong = new ArrayList<>();
        for (int round = 0; round < 6; round++) {
            byte[] data = new byte[40 + 25 * round]; // shorter and longer than one vector
            for (int i = 0; i < data.length; i++) {
                // mostly legal bytes, so that windows without a control byte are common too
                data[i] = random.nextInt(6) == 0 ? palette[random.nextInt(palette.length)] : (byte) (0x20 + random.nextInt(0x5F));
            }
            WireBytes bytes = store.over(data, scanner);
            for (int from = 0; from <= data.length; from++) {
                for (int to = from; to <= data.length; to++) {
                    int expected = plainFirstControl(data, from, to);
                    int actual = bytes.indexOfControl(from, to);
                    if (actual != expected) {
                        wrong.add("indexOfControl(" + from + ", " + to + ") = " + actual + ", expected " + expected);
                    }
                }
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " searches wrong, the first: " + wrong.subList(0, Math.min(5, wrong.size())));
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void decodesLatin1AndComparesTextFromEveryStore(Store store) {
        WireBytes bytes = store.over("Host: caf\u00e9".getBytes(StandardCharsets.ISO_8859_1), scanner);

        assertEquals("caf\u00e9", bytes.latin1(6, 10));
        assertEquals("", bytes.latin1(4, 4));
        assertTrue(bytes.equalsIgnoreCase(0, 4, "HOST"));
        assertTrue(bytes.equalsExactly(0, 4, "Host"));
        assertFalse(bytes.equalsExactly(0, 4, "host"));
        ByteBuffer value = bytes.slice(6, 10);
        assertEquals(4, value.remaining());
        assertEquals('c', value.get(0));
        assertTrue(value.isReadOnly());
    }

    @Test
    void refusesAWindowOutsideTheBuffer() {
        WireBytes bytes = new WireBytes();

        assertFalse(bytes.wrap(ByteBuffer.allocate(8), 4, 9));
        assertEquals(0, bytes.length());
    }

    private static int plainFirstControl(byte[] data, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!HttpSyntax.isFieldContent(data[i] & 0xFF)) {
                return i;
            }
        }
        return -1;
    }

    private static int plainIndexOf(byte[] data, int value, int from, int to) {
        for (int i = from; i < to; i++) {
            if ((data[i] & 0xFF) == value) {
                return i;
            }
        }
        return -1;
    }
}
