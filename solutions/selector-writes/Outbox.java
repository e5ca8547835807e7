package exercises.selector;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;

/* Reference solution for selector-writes: write now when nothing is owed, queue the rest, OP_WRITE only while owed. */
public final class Outbox {

    private final ArrayDeque<ByteBuffer> owed = new ArrayDeque<>();

    public void send(SelectionKey key, ByteBuffer data) throws IOException {
        SocketChannel channel = (SocketChannel) key.channel();
        if (owed.isEmpty()) {
            channel.write(data);
            if (!data.hasRemaining()) {
                return; // all of it fit: nothing owed, no OP_WRITE
            }
        }
        owed.addLast(data);
        key.interestOps(key.interestOps() | SelectionKey.OP_WRITE);
    }

    public void onWritable(SelectionKey key) throws IOException {
        SocketChannel channel = (SocketChannel) key.channel();
        while (!owed.isEmpty()) {
            ByteBuffer head = owed.peekFirst();
            channel.write(head);
            if (head.hasRemaining()) {
                return; // the socket is full again: wait for the next OP_WRITE
            }
            owed.pollFirst();
        }
        key.interestOps(key.interestOps() & ~SelectionKey.OP_WRITE);
    }

    public boolean owes() {
        return !owed.isEmpty();
    }

    public long owedBytes() {
        return owed.stream().mapToLong(ByteBuffer::remaining).sum();
    }
}
