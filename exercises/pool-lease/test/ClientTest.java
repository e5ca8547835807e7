package exercises.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.wirelab.core.pool.Pool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

// The tests of exercise pool-lease. Do not change this file: lab check runs it as it is.
class ClientTest {

    /** A fake connection numbered by the factory; "boom" makes it fail like a reset peer. */
    record FakeConn(int number) implements Client.Conn {
        @Override
        public String send(String request) throws IOException {
            if (request.equals("boom")) {
                throw new IOException("connection reset by peer");
            }
            return number + ":" + request;
        }
    }

    private final AtomicInteger made = new AtomicInteger();
    private final List<Integer> destroyed = new ArrayList<>();
    private final Pool<Client.Conn> pool = new Pool<>("test", 1, new Pool.Factory<>() {
        @Override
        public Client.Conn create() {
            return new FakeConn(made.incrementAndGet());
        }

        @Override
        public void destroy(Client.Conn conn) {
            synchronized (destroyed) {
                destroyed.add(((FakeConn) conn).number());
            }
        }
    });

    @AfterEach
    void closePool() {
        pool.close();
    }

    /** A request gets its reply over a pooled connection. */
    @Test
    void sendsOverAPooledConnection() throws Exception {
        assertEquals("1:hello", new Client(pool).call("hello"));
    }

    /** The lease goes back every time: with one connection in the pool, ten calls in a row all work on it. */
    @Test
    void returnsTheConnectionAfterEachCall() throws Exception {
        Client client = new Client(pool);
        for (int i = 0; i < 10; i++) {
            assertEquals("1:r" + i, client.call("r" + i));
        }
        assertEquals(1, made.get(), "a pool of one should reuse its one connection");
    }

    /** A failing connection's exception reaches the caller, and the connection is destroyed, not reused. */
    @Test
    void destroysABrokenConnection() throws Exception {
        Client client = new Client(pool);
        client.call("warm");
        IOException e = assertThrows(IOException.class, () -> client.call("boom"));
        assertEquals("connection reset by peer", e.getMessage());
        assertEquals(List.of(1), destroyed, "connection 1 failed and must be destroyed");
        assertEquals("2:after", client.call("after"), "the next call must get a fresh connection");
    }

    /** A failure does not cost the pool its capacity: the permit comes back with the destroyed connection. */
    @Test
    void failuresDoNotLeakCapacity() throws Exception {
        Client client = new Client(pool);
        for (int i = 0; i < 5; i++) {
            assertThrows(IOException.class, () -> client.call("boom"));
        }
        assertEquals("6:ok", client.call("ok"));
        assertEquals(5, destroyed.size());
    }
}
