package dev.wirelab.async.netty.leak;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The leak check that guards the Netty tests can fail: a check that cannot fail proves nothing. */
class NoNettyLeaksTest {

    private static final PooledByteBufAllocator BUFFERS = new PooledByteBufAllocator(true);
    private static final String MARKER = "deliberately-leaked-by-NoNettyLeaksTest";

    /** A released buffer passes the check; a pooled direct buffer dropped without release() makes the check throw, naming the buffer's last access. */
    @Test
    @Timeout(60)
    void failsWhenABufferIsDroppedWithoutRelease() {
        LeakReports.assertDetectorInstalled();
        // Control: a buffer that is released passes the check (and nothing earlier is blamed on this test).
        ByteBuf released = BUFFERS.directBuffer(1024);
        released.touch("released properly").writeLong(42);
        released.release();
        LeakReports.assertNoLeaks();

        leakOneBuffer();

        // Detection needs a GC to notice; poll the real check until it fails, within a deadline.
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        AssertionError failure = null;
        while (failure == null && System.nanoTime() - end < 0) {
            try {
                LeakReports.assertNoLeaks();
            } catch (AssertionError e) {
                failure = e;
            }
        }
        assertTrue(failure != null, "the deliberate leak was never reported within 30 s: the leak check cannot fail");
        assertTrue(failure.getMessage().contains(MARKER), "the leak reported was not ours:\n" + failure.getMessage());
    }

    private static void leakOneBuffer() {
        ByteBuf buffer = BUFFERS.directBuffer(1024);
        buffer.touch(MARKER).writeLong(42);
        // No release(): the buffer becomes garbage while its pool memory is still marked in use.
    }
}
