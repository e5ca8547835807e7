package dev.wirelab.core.load;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * One load-generator connection: the messages it owes, the echo it expects, and when each
 * message was due. Used by exactly one {@link LoadWorker} thread, so nothing here is shared.
 *
 * <pre>
 *   its byte stream:   0 ......... rxPos ......... sentPos ..... txPos ....... txLimit
 *                      | verified  | echo owed     | in buffer  | released, not yet copied
 *   message k = stream bytes k·size .. (k+1)·size − 1;  echoed when rxPos reaches (k+1)·size
 * </pre>
 *
 * <p>A message is <em>released</em> when it is due (closed loop: as soon as an echo frees a
 * pipeline slot; open loop: at its scheduled time, if a slot is free). Its due time goes into
 * a ring of {@code pipeline} slots; when its last byte comes back, the latency is
 * {@code now − due}.
 */
final class LoadConnection {

    private final int id;
    private final SocketChannel channel;
    private final LoadSpec spec;
    private final LoadGenerator.Timeline timeline;
    private final LoadGenerator.Budget budget;
    private final ByteBuffer out;
    private final long[] due;
    private final long firstDue;
    private final double intervalNanos;
    private SelectionKey key;

    private long released;     // messages released so far
    private long completed;    // messages fully echoed and verified
    private long txLimit;      // stream bytes released for sending
    private long txPos;        // stream bytes copied into `out`
    private long rxPos;        // stream bytes echoed and verified
    private boolean stopped;   // no more releases: the window ended or the message budget ran out

    /** Owned by the worker: the time this connection is queued for in its timer queue (MAX_VALUE: not queued). */
    long queuedFor = Long.MAX_VALUE;
    /** Owned by the worker: finished or failed, closed, no longer served. */
    boolean ended;

    LoadConnection(int id, SocketChannel channel, LoadSpec spec, LoadGenerator.Timeline timeline,
                   LoadGenerator.Budget budget) {
        this.id = id;
        this.channel = channel;
        this.spec = spec;
        this.timeline = timeline;
        this.budget = budget;
        this.out = ByteBuffer.allocateDirect((int) Math.min(EchoPattern.SLICE, (long) spec.messageSize() * spec.pipeline()));
        this.out.limit(0);
        this.due = new long[spec.pipeline()];
        // Open loop: each connection sends every connections/rate seconds; their phases are
        // spread evenly so the server sees a steady stream rather than bursts.
        this.intervalNanos = spec.openLoop() ? spec.connections() * 1e9 / spec.rate() : 0;
        this.firstDue = timeline.start() + Math.round(intervalNanos * id / spec.connections());
    }

    SocketChannel channel() {
        return channel;
    }

    void key(SelectionKey key) {
        this.key = key;
    }

    SelectionKey key() {
        return key;
    }

    int id() {
        return id;
    }

    /** Echoes still owed to this connection. */
    long owed() {
        return released - completed;
    }

    /** Stopped releasing and every released message is back. */
    boolean finished() {
        return stopped && completed == released;
    }

    /**
     * Releases every message that is due and fits in the pipeline.
     *
     * @return when the next message falls due, or {@link Long#MAX_VALUE} if none will without an echo first
     */
    long release(long now) {
        while (!stopped && released - completed < spec.pipeline()) {
            long dueAt = spec.openLoop() ? firstDue + Math.round(released * intervalNanos) : now;
            if (dueAt >= timeline.windowEnd() || (dueAt >= timeline.warmupEnd() && !budget.take())) {
                stopped = true;   // the measured window is over, or the message budget is spent
                break;
            }
            if (dueAt > now) {
                return dueAt;     // open loop: not yet
            }
            due[(int) (released % due.length)] = dueAt;
            released++;
            txLimit += spec.messageSize();
        }
        return Long.MAX_VALUE;
    }

    /**
     * Writes what has been released until the kernel takes no more; then asks the selector
     * for OP_WRITE, so the rest goes out when the socket drains.
     */
    void flush() throws IOException {
        while (true) {
            if (!out.hasRemaining()) {
                if (txPos == txLimit) {
                    interestedInWrite(false);
                    return;
                }
                refill();
            }
            if (write() == 0) {
                interestedInWrite(true);
                return;
            }
        }
    }

    /** One write call; with a write limit, at most {@code maxWrite} bytes of {@code out} go in it. */
    private int write() throws IOException {
        int maxWrite = spec.socket().maxWrite();
        if (maxWrite == 0 || out.remaining() <= maxWrite) {
            return channel.write(out);
        }
        int limit = out.limit();
        out.limit(out.position() + maxWrite);
        try {
            return channel.write(out);
        } finally {
            out.limit(limit);
        }
    }

    private void refill() {
        int length = (int) Math.min(out.capacity(), txLimit - txPos);
        out.clear();
        EchoPattern.copy(id, txPos, length, out);
        out.flip();
        txPos += length;
    }

    private void interestedInWrite(boolean on) {
        int ops = on ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ;
        if (key.interestOps() != ops) {
            key.interestOps(ops);
        }
    }

    /**
     * Checks {@code length} freshly read bytes against the stream and completes every message
     * they finish.
     *
     * @return a description of the corruption, or {@code null} if the bytes are right
     */
    String accept(ByteBuffer in, int length, long now, LoadWorker.Measurements into) {
        // Phase 1: the echo may not run ahead of what we actually sent.
        long sentPos = txPos - out.remaining();
        if (rxPos + length > sentPos) {
            return "connection " + id + ": the server echoed " + (rxPos + length - sentPos)
                    + " bytes that were never sent (stream position " + sentPos + ")";
        }
        // Phase 2: every byte must be the one sent at that position.
        long bad = EchoPattern.mismatch(id, rxPos, in, 0, length);
        if (bad >= 0) {
            return "connection " + id + ": echoed byte at stream position " + bad + " (message "
                    + bad / spec.messageSize() + ", offset " + bad % spec.messageSize() + ") differs from the byte sent";
        }
        rxPos += length;
        // Phase 3: record each message whose last byte just arrived.
        while (completed < released && rxPos >= (completed + 1) * spec.messageSize()) {
            long dueAt = due[(int) (completed % due.length)];
            if (dueAt >= timeline.warmupEnd()) {
                into.record(now - dueAt, now);
            }
            completed++;
        }
        return null;
    }
}
