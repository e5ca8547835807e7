package exercises.selector;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;

/*
 * Exercise selector-writes: partial writes, and OP_WRITE only while data is owed.
 *
 * On a non-blocking socket, channel.write(buffer) writes what fits in the kernel's send
 * buffer and returns at once: maybe everything, maybe a part, maybe nothing. What it could
 * not write is still in the buffer (its position moved past what was written) and must be
 * kept, in order, and written when the socket has room again.
 *
 * The selector says when that is: register interest in OP_WRITE and select() reports the key
 * writable. But a socket with room in its buffer is writable *almost always*. Leave OP_WRITE
 * on when nothing is owed and every select() returns at once: the loop spins at 100% CPU
 * doing nothing. So: OP_WRITE while (and only while) data is owed.
 *
 * Keep the key's other interest bits (OP_READ!) as they are: change only the OP_WRITE bit.
 */
public final class Outbox {

    private final ArrayDeque<ByteBuffer> owed = new ArrayDeque<>();

    /**
     * Sends {@code data} on the key's channel: at once as far as the socket takes it; what is
     * left is queued behind anything already owed, and the key asks for OP_WRITE.
     */
    public void send(SelectionKey key, ByteBuffer data) throws IOException {
        SocketChannel channel = (SocketChannel) key.channel();
        // TODO: write now only if nothing is owed already (order!); queue what remains; ask for OP_WRITE.
        throw new UnsupportedOperationException("selector-writes: send is not written yet (run: lab hint selector-writes)");
    }

    /** The selector says the channel is writable: write what is owed; once nothing is, stop asking for OP_WRITE. */
    public void onWritable(SelectionKey key) throws IOException {
        SocketChannel channel = (SocketChannel) key.channel();
        // TODO: write queued buffers in order until one is left with bytes (the socket is full) or
        //       the queue is empty; when it is empty, clear OP_WRITE and keep the other bits.
        throw new UnsupportedOperationException("selector-writes: onWritable is not written yet (run: lab hint selector-writes)");
    }

    public boolean owes() {
        return !owed.isEmpty();
    }

    public long owedBytes() {
        return owed.stream().mapToLong(ByteBuffer::remaining).sum();
    }
}
