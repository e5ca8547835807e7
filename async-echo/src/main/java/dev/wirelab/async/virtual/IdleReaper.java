package dev.wirelab.async.virtual;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Idle timeouts for virtual threads without a timer per read.
 *
 * <p><b>Why not {@code Socket.setSoTimeout}.</b> A timed {@code read} on a virtual thread parks
 * with a deadline, and the JDK arms a timer for that deadline in the scheduler's delay queue —
 * and disarms it when the data arrives first, as it almost always does. Arming and disarming
 * wakes the thread that runs the delay queue: measured on one core at 64 connections, the timed
 * read cost about 3.3 {@code futex} calls and 2.2 context switches <em>per echo</em>, more than
 * the echo itself. One timer per message is the price of a per-read deadline.
 *
 * <p><b>What this does instead.</b> Each connection has a {@link ReadClock}: the time its current
 * read began, or 0 while it is not reading — two plain stores around the read. One reaper
 * thread looks at every clock a few times per idle period and closes a socket whose read has
 * waited longer than the idle timeout; the blocked read then fails, and the connection's thread
 * sees {@link ReadClock#expired()} and counts an idle timeout instead of an error. The cost
 * moves from per message to per period: a selector server's idle list does the same
 * ({@code SelectorEchoServer}'s {@code ActivityList}).
 *
 * <p>Only a waiting <em>read</em> is idle: a connection blocked in {@code write} because its peer
 * stopped reading is under backpressure, not silent, exactly as with {@code setSoTimeout} (which
 * never applies to writes). A connection is closed within {@code idleTimeout} plus one check
 * period ({@link #period}).
 */
final class IdleReaper {

    /**
     * One connection's read clock. Written only by the connection's reading thread, read by the
     * reaper: opaque access is enough (the reaper needs a recent value, not an ordering with
     * other memory), and costs a plain store on x86 and ARM.
     */
    static final class ReadClock {
        /** A clock for servers without an idle timeout (or with the timed read): does nothing. */
        static final ReadClock NONE = new ReadClock();

        private final AtomicLong readingSince = new AtomicLong();
        private volatile boolean expired;

        /** Just before a blocking read. */
        void reading() {
            if (this != NONE) {
                readingSince.setOpaque(System.nanoTime() | 1);   // | 1: never 0, which means "not reading"
            }
        }

        /** Just after it returned. */
        void idle() {
            if (this != NONE) {
                readingSince.setOpaque(0);
            }
        }

        /** True once the reaper closed this connection's socket for silence. */
        boolean expired() {
            return expired;
        }
    }

    private final Duration idleTimeout;
    private final Map<Socket, ReadClock> clocks = new ConcurrentHashMap<>();
    private final Thread thread;

    /** Starts the reaper thread (a virtual one: it sleeps almost always). */
    IdleReaper(String name, Duration idleTimeout) {
        this.idleTimeout = idleTimeout;
        this.thread = Thread.ofVirtual().name(name + "-idle-reaper").start(this::run);
    }

    /** How often the clocks are checked: a quarter of the timeout, between 10 ms and 1 s. */
    static Duration period(Duration idleTimeout) {
        long millis = Math.clamp(idleTimeout.toMillis() / 4, 10, 1000);
        return Duration.ofMillis(millis);
    }

    ReadClock watch(Socket socket) {
        ReadClock clock = new ReadClock();
        clocks.put(socket, clock);
        return clock;
    }

    void forget(Socket socket) {
        clocks.remove(socket);
    }

    void stop() throws InterruptedException {
        thread.interrupt();
        thread.join();
    }

    private void run() {
        Duration period = period(idleTimeout);
        try {
            while (true) {
                Thread.sleep(period);
                expireSilent(System.nanoTime());
            }
        } catch (InterruptedException e) {
            // the server stopped us
        }
    }

    private void expireSilent(long now) {
        long limit = idleTimeout.toNanos();
        clocks.forEach((socket, clock) -> {
            long since = clock.readingSince.getOpaque();
            if (since != 0 && now - since > limit) {
                clock.expired = true;               // before the close: the reader must see it when its read fails
                closeQuietly(socket);
            }
        });
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closed either way
        }
    }
}
