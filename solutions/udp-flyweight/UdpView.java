package exercises.udp;

import java.nio.ByteBuffer;

/*
 * Reference solution for udp-flyweight.
 *
 * Absolute get(index) reads without moving the position; two single-byte reads assembled by
 * hand are big-endian whatever order() says; masking with 0xFF makes each byte unsigned.
 */
public final class UdpView {

    private ByteBuffer buffer;
    private int offset;

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

    private int u16(int at) {
        int i = offset + at;
        return (buffer.get(i) & 0xFF) << 8 | (buffer.get(i + 1) & 0xFF);
    }
}
