package exercises.udp;

import java.nio.ByteBuffer;

/*
 * Exercise udp-flyweight: read a UDP header without copying it.
 *
 * A server that receives a million datagrams a second cannot afford to copy each header
 * into a fresh object. A flyweight is one reusable object that *points at* the bytes:
 * wrap(buffer, offset) remembers where the header starts, and each getter reads its field
 * straight from the buffer.
 *
 *    0      7 8     15 16    23 24    31
 *   +--------+--------+--------+--------+
 *   |   source port   |    dest port    |
 *   +--------+--------+--------+--------+
 *   |     length      |    checksum     |
 *   +--------+--------+--------+--------+
 *
 * Every field is an unsigned 16-bit number in network byte order (big-endian).
 *
 * Three traps the tests check:
 *  - Java's short is signed: port 65535 must not come back as -1.
 *  - The buffer may have been set to little-endian by someone else; the wire is big-endian
 *    whatever the buffer's order() says.
 *  - Reading must not move the buffer's position (other code is reading it too) and must
 *    not allocate (no slice(), no byte[] copies).
 */
public final class UdpView {

    private ByteBuffer buffer;
    private int offset;

    /** Points this view at the header that starts at {@code offset}; copies nothing. */
    public UdpView wrap(ByteBuffer buffer, int offset) {
        this.buffer = buffer;
        this.offset = offset;
        return this;
    }

    public int sourcePort() {
        return u16(0);
    }

    public int destinationPort() {
        return u16(2);
    }

    public int length() {
        return u16(4);
    }

    public int checksum() {
        return u16(6);
    }

    /** The unsigned big-endian 16-bit number at {@code offset + at}. */
    private int u16(int at) {
        // TODO: read two bytes at absolute index offset + at (no position change, no allocation),
        //       big-endian whatever buffer.order() is, and return them as an int in 0..65535.
        throw new UnsupportedOperationException("udp-flyweight: u16 is not written yet (run: lab hint udp-flyweight)");
    }
}
