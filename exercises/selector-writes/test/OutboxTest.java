package exercises.selector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

// The tests of exercise selector-writes. Do not change this file: lab check runs it as it is.
class OutboxTest {

    private ServerSocketChannel server;
    private SocketChannel client;
    private SocketChannel peer;
    private Selector selector;
    private SelectionKey key;
    private final Outbox outbox = new Outbox();

    /** A loopback connection with small buffers, the client side non-blocking and registered for OP_READ. */
    @BeforeEach
    void connect() throws IOException {
        server = ServerSocketChannel.open();
        server.setOption(StandardSocketOptions.SO_RCVBUF, 8192);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        client = SocketChannel.open();
        client.setOption(StandardSocketOptions.SO_SNDBUF, 8192);
        client.connect(server.getLocalAddress());
        peer = server.accept();
        client.configureBlocking(false);
        selector = Selector.open();
        key = client.register(selector, SelectionKey.OP_READ);
    }

    @AfterEach
    void close() throws IOException {
        selector.close();
        client.close();
        peer.close();
        server.close();
    }

    private static ByteBuffer pattern(int size, int seed) {
        ByteBuffer b = ByteBuffer.allocate(size);
        for (int i = 0; i < size; i++) {
            b.put(i, (byte) ((i + seed) % 251));
        }
        return b;
    }

    /** Reads exactly {@code size} bytes on the peer side, on another thread. */
    private CompletableFuture<byte[]> readOnPeer(int size) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                InputStream in = Channels.newInputStream(peer);
                return in.readNBytes(size);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
    }

    /** Runs the selector loop until nothing is owed (at most ten seconds). */
    private void drain() throws IOException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (outbox.owes() && System.nanoTime() < deadline) {
            selector.select(100);
            for (SelectionKey k : selector.selectedKeys()) {
                if (k.isValid() && k.isWritable()) {
                    outbox.onWritable(k);
                }
            }
            selector.selectedKeys().clear();
        }
    }

    /** A small message fits in the socket at once: nothing is owed and OP_WRITE is never asked for. */
    @Test
    void smallMessageGoesOutAtOnce() throws Exception {
        CompletableFuture<byte[]> received = readOnPeer(100);
        outbox.send(key, pattern(100, 0));
        assertFalse(outbox.owes(), "100 bytes fit in an empty socket buffer");
        assertEquals(SelectionKey.OP_READ, key.interestOps(), "OP_WRITE must not be set when nothing is owed");
        assertEquals(100, received.get().length);
    }

    /** A message bigger than the socket takes: the rest is owed and OP_WRITE is on, OP_READ kept. */
    @Test
    void bigMessageIsOwedWithOpWrite() throws Exception {
        int size = 4 << 20;
        outbox.send(key, pattern(size, 0));
        assertTrue(outbox.owes(), "4 MiB cannot fit in the socket buffers while the peer does not read");
        assertTrue(outbox.owedBytes() < size, "send must write what fits at once");
        assertEquals(SelectionKey.OP_READ | SelectionKey.OP_WRITE, key.interestOps(), "OP_WRITE on, OP_READ kept");
        CompletableFuture<byte[]> received = readOnPeer(size);
        drain();
        assertFalse(outbox.owes(), "still owed after draining: " + outbox.owedBytes() + " bytes");
        assertEquals(SelectionKey.OP_READ, key.interestOps(), "OP_WRITE must be cleared once nothing is owed, OP_READ kept");
        assertEquals(pattern(size, 0), ByteBuffer.wrap(received.get()), "bytes lost or reordered");
        assertEquals(0, selector.selectNow(), "with nothing owed and nothing to read, the selector must have nothing to report");
    }

    /** A second message sent while the first is still owed waits its turn: the peer gets first, then second. */
    @Test
    void laterMessagesQueueBehindOwedOnes() throws Exception {
        int first = 2 << 20;
        outbox.send(key, pattern(first, 0));
        assertTrue(outbox.owes());
        outbox.send(key, pattern(1000, 7));
        CompletableFuture<byte[]> received = readOnPeer(first + 1000);
        drain();
        ByteBuffer expected = ByteBuffer.allocate(first + 1000).put(pattern(first, 0)).put(pattern(1000, 7)).flip();
        assertEquals(expected, ByteBuffer.wrap(received.get()), "the second message overtook the first");
        assertEquals(SelectionKey.OP_READ, key.interestOps());
    }
}
