package dev.wirelab.core.protocol;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * What a {@link Session} wants sent after one input: a short, ordered list of buffers, each
 * to be written from its position to its limit. The transport owns the socket and decides
 * how: one gathering {@code write(ByteBuffer[])} where the model has one (the selector, NIO.2
 * completion handlers, Netty's flush), one write per buffer where it has streams.
 *
 * <h2>The contract, both sides</h2>
 * <ul>
 *   <li>A session may add its own buffers (a response head, a body) and it may add the very
 *       input buffer it was given: that is how echo sends what it read <em>without a copy</em>.
 *       {@link #forwards} tells a transport that this happened, so one that received its bytes
 *       as a reference-counted or immutable object (Netty's {@code ByteBuf}, Akka's
 *       {@code ByteString}) can send that object back instead of copying the view.</li>
 *   <li>The transport sends every buffer, or copies what the socket did not take, before it
 *       hands the session its next input; then it calls {@link #clear()}. The session may reuse
 *       its buffers from then on.</li>
 * </ul>
 *
 * <p>The array of slots is allocated once per connection; adding and clearing allocate
 * nothing, which is what keeps an echo on the selector at zero bytes per message.
 * Not thread-safe: it belongs to one connection.
 */
public final class Outgoing {

    /** Slots per input; a session that would need more copies into a buffer it already added. */
    public static final int MAX_BUFFERS = 16;

    private final ByteBuffer[] buffers = new ByteBuffer[MAX_BUFFERS];
    private int count;

    /** Queues {@code buffer[position, limit)}; an empty buffer is ignored. */
    public void add(ByteBuffer buffer) {
        if (!buffer.hasRemaining()) {
            return;
        }
        if (count == MAX_BUFFERS) {
            throw new IllegalStateException("more than " + MAX_BUFFERS + " buffers for one input; check hasRoom() first");
        }
        buffers[count++] = buffer;
    }

    /** True when {@code slots} more buffers can be added. */
    public boolean hasRoom(int slots) {
        return count + slots <= MAX_BUFFERS;
    }

    /** The slots, for a gathering write: {@code [0, count())} are in use. */
    public ByteBuffer[] buffers() {
        return buffers;
    }

    public int count() {
        return count;
    }

    public ByteBuffer get(int index) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException("buffer " + index + " of " + count);
        }
        return buffers[index];
    }

    public boolean isEmpty() {
        return remaining() == 0;
    }

    /** Bytes not yet sent, over every slot. */
    public long remaining() {
        long total = 0;
        for (int i = 0; i < count; i++) {
            total += buffers[i].remaining();
        }
        return total;
    }

    /** True when the only thing queued is {@code input} itself: the session forwarded what it read. */
    public boolean forwards(ByteBuffer input) {
        return count == 1 && buffers[0] == input;
    }

    /** Copies every unsent byte, in order, into {@code target} (which must have room), consuming the slots. */
    public void copyTo(ByteBuffer target) {
        for (int i = 0; i < count; i++) {
            target.put(buffers[i]);
        }
    }

    /** Every unsent byte in one new array, consuming the slots (for stream transports, queues and tests). */
    public byte[] toByteArray() {
        byte[] all = new byte[(int) remaining()];
        copyTo(ByteBuffer.wrap(all));
        return all;
    }

    /**
     * Writes every unsent byte to a stream, buffer by buffer, consuming the slots: for
     * transports built on {@code Socket} streams, which have no gathering write. A heap
     * buffer is written from its array; anything else is copied through a small array.
     *
     * @return the bytes written
     */
    public long writeTo(OutputStream stream) throws IOException {
        long total = 0;
        for (int i = 0; i < count; i++) {
            ByteBuffer buffer = buffers[i];
            int n = buffer.remaining();
            if (buffer.hasArray()) {
                stream.write(buffer.array(), buffer.arrayOffset() + buffer.position(), n);
                buffer.position(buffer.limit());
            } else {
                byte[] chunk = new byte[Math.min(n, 8 * 1024)];
                while (buffer.hasRemaining()) {
                    int part = Math.min(chunk.length, buffer.remaining());
                    buffer.get(chunk, 0, part);
                    stream.write(chunk, 0, part);
                }
            }
            total += n;
        }
        return total;
    }

    /** Forgets every slot: called by the transport once their bytes were sent or copied. */
    public void clear() {
        Arrays.fill(buffers, 0, count, null);
        count = 0;
    }
}
