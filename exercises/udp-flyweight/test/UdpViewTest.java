package exercises.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import dev.wirelab.core.parse.UdpHeader;
import org.junit.jupiter.api.Test;

// The tests of exercise udp-flyweight. Do not change this file: lab check runs it as it is.
class UdpViewTest {

    /** Source 53 (DNS), destination 65535, length 40, checksum 0xBEEF, at offset 3 in a larger buffer. */
    private static ByteBuffer datagram(ByteOrder order) {
        ByteBuffer b = ByteBuffer.allocate(64).order(order);
        byte[] header = {0x00, 0x35, (byte) 0xFF, (byte) 0xFF, 0x00, 0x28, (byte) 0xBE, (byte) 0xEF};
        b.put(3, header);
        return b;
    }

    /** Every field reads as the unsigned big-endian number on the wire. */
    @Test
    void readsEveryFieldAsUnsignedBigEndian() {
        UdpView udp = new UdpView().wrap(datagram(ByteOrder.BIG_ENDIAN), 3);
        assertEquals(53, udp.sourcePort());
        assertEquals(65535, udp.destinationPort(), "a port above 32767 must not come back negative");
        assertEquals(40, udp.length());
        assertEquals(0xBEEF, udp.checksum());
    }

    /** The wire is big-endian even when the buffer was set to little-endian. */
    @Test
    void ignoresTheBuffersByteOrder() {
        UdpView udp = new UdpView().wrap(datagram(ByteOrder.LITTLE_ENDIAN), 3);
        assertEquals(53, udp.sourcePort());
        assertEquals(40, udp.length());
    }

    /** Reading leaves the buffer's position and limit where they were. */
    @Test
    void doesNotMoveThePosition() {
        ByteBuffer b = datagram(ByteOrder.BIG_ENDIAN);
        b.position(1).limit(50);
        UdpView udp = new UdpView().wrap(b, 3);
        udp.sourcePort();
        udp.checksum();
        assertEquals(1, b.position());
        assertEquals(50, b.limit());
    }

    /** The view agrees with wirelab's own UdpHeader flyweight on random headers. */
    @Test
    void agreesWithCoreUdpHeader() {
        java.util.Random random = new java.util.Random(7);
        ByteBuffer b = ByteBuffer.allocate(128);
        UdpView mine = new UdpView();
        UdpHeader core = new UdpHeader();
        for (int i = 0; i < 1000; i++) {
            byte[] bytes = new byte[128];
            random.nextBytes(bytes);
            b.put(0, bytes);
            int offset = random.nextInt(64);
            b.putShort(offset + 4, (short) (8 + random.nextInt(40)));
            core.wrap(b, offset);
            mine.wrap(b, offset);
            assertEquals(core.sourcePort(), mine.sourcePort());
            assertEquals(core.destinationPort(), mine.destinationPort());
            assertEquals(core.checksum(), mine.checksum());
        }
    }

    /** Re-wrapping and reading a million headers allocates (almost) nothing: it is a flyweight. */
    @Test
    void readingAllocatesNothing() {
        ByteBuffer b = datagram(ByteOrder.BIG_ENDIAN);
        UdpView udp = new UdpView();
        long sum = 0;
        for (int i = 0; i < 20_000; i++) { // warm up
            sum += udp.wrap(b, 3).sourcePort() + udp.length();
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 1_000_000; i++) {
            sum += udp.wrap(b, 3).sourcePort() + udp.destinationPort() + udp.length() + udp.checksum();
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(sum > 0);
        assertTrue(allocated < 100_000, "a million reads allocated " + allocated + " bytes; a flyweight allocates none");
    }
}
