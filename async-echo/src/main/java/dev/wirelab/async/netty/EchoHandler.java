package dev.wirelab.async.netty;

import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;

import dev.wirelab.core.metrics.ConnectionMetrics;
import dev.wirelab.core.protocol.Outgoing;
import dev.wirelab.core.protocol.Session;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;

/**
 * The per-connection logic: four callbacks, each run by the connection's one event-loop
 * thread, so the handler needs no locks. What to answer is the connection's {@link Session}
 * (echo, HTTP); echo forwards its input, so the buffer Netty read is written back as it is.
 *
 * <pre>
 *   socket readable ─▶ channelRead(buf) ×N ─▶ channelReadComplete ─▶ flush: one write(v) syscall
 *                          │ write(buf), no flush
 *                          ▼
 *                 ChannelOutboundBuffer ── above high water mark ─▶ channelWritabilityChanged
 *                                                                    autoRead off: stop reading
 *                                       ── below low water mark ──▶ autoRead on: read again
 * </pre>
 *
 * <p><b>Flush batching.</b> One readiness event can deliver several buffers (Netty reads up
 * to 16 times per event). Writing each and flushing once at {@code channelReadComplete}
 * turns N small {@code write} system calls into one gathering write — the same batching that
 * tokio's {@code BufWriter} buys.
 *
 * <p><b>Backpressure.</b> The buffer a read produced is written straight back (no copy) and
 * sits in the channel's outbound buffer until the socket accepts it. If the peer stops
 * reading, that buffer grows; when it passes the high water mark the channel turns
 * unwritable and we switch {@code autoRead} off, so the kernel's receive window fills and
 * TCP flow control slows the <em>sender</em>. Memory per connection stays bounded by
 * the high water mark plus the one read in hand.
 *
 * <p><b>Buffer ownership.</b> Netty's buffers are reference counted. {@code channelRead} is
 * handed one reference; {@code ctx.write} takes it over and the outbound buffer releases it
 * once written (or when the write fails). The handler therefore never calls
 * {@code release()} itself — and a handler that dropped {@code msg} without writing or
 * releasing it would leak pool memory, which the tests' PARANOID leak detector reports.
 */
final class EchoHandler extends ChannelInboundHandlerAdapter {

    private final ConnectionMetrics metrics;
    private final Session session;
    /** What the session wants sent after one read; written out before the next read is handled. */
    private final Outgoing out = new Outgoing();
    private boolean failed;
    private boolean closing;

    EchoHandler(ConnectionMetrics metrics, Session session) {
        this.metrics = metrics;
        this.session = session;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf data = (ByteBuf) msg;
        int length = data.readableBytes();
        metrics.bytesRead().add(length);
        ByteBuffer view = data.nioBuffer();   // a view, no copy (a composite buffer would merge)
        session.onInput(view, out);
        if (out.forwards(view)) {
            // Echo: queue the same buffer for writing, no copy; flushing waits for channelReadComplete.
            out.clear();
            write(ctx, data, length);
            return;
        }
        // Another protocol answered from its own buffers, which it reuses: copy them into pooled
        // buffers Netty can own until the socket takes them. Our reference to the input is done.
        data.release();
        writeReplies(ctx);
        if (session.closeAfterOutput() && !closing) {
            closing = true;
            ctx.channel().config().setAutoRead(false);
            ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private void writeReplies(ChannelHandlerContext ctx) {
        for (int i = 0; i < out.count(); i++) {
            ByteBuffer reply = out.get(i);
            int n = reply.remaining();
            write(ctx, ctx.alloc().buffer(n).writeBytes(reply), n);
        }
        out.clear();
    }

    /** The listener counts bytes once the socket took them (a production server might count at flush and save it). */
    private void write(ChannelHandlerContext ctx, ByteBuf buffer, int length) {
        ctx.write(buffer).addListener((ChannelFutureListener) written -> {
            if (written.isSuccess()) {
                metrics.bytesWritten().add(length);
            } else if (!(written.cause() instanceof ClosedChannelException)) {
                // A peer that resets while we write fails the write, not a read: exceptionCaught
                // never hears of it, so count it here (once). Writes failed by our own close do not count.
                countFailure();
            }
        });
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        // The read loop has drained the socket (or hit its per-event limit): send everything at once.
        ctx.flush();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        // Mirror writability into autoRead: unwritable means the peer is not keeping up, so stop reading it.
        boolean writable = ctx.channel().isWritable();
        ctx.channel().config().setAutoRead(writable);
        if (writable) {
            // Time spent paused by us is not the peer's silence: restart the idle clock.
            IdleStateHandler idle = ctx.pipeline().get(IdleStateHandler.class);
            if (idle != null) {
                idle.resetReadTimeout();
            }
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        switch (event) {
            case IdleStateEvent idle -> closeIfIdle(ctx, idle);
            case ChannelInputShutdownEvent _ -> {
                session.onEndOfInput(out);
                writeReplies(ctx);
                finishAndClose(ctx);
            }
            default -> ctx.fireUserEventTriggered(event);
        }
    }

    private void closeIfIdle(ChannelHandlerContext ctx, IdleStateEvent idle) {
        // While we paused reading (autoRead off) the peer may well be sending: it is not idle, we are.
        // A production server would add a write timeout for peers that never drain; the lab does not.
        if (ctx.channel().config().isAutoRead()) {
            metrics.idleTimeouts().increment();
            ctx.close();
        }
    }

    /** The peer shut down its output (half-close): echo what is still queued, then close our side too. */
    private static void finishAndClose(ChannelHandlerContext ctx) {
        // An empty write queues behind every pending write, so its future completes after they are sent.
        ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // Usually "connection reset by peer" on a read.
        countFailure();
        ctx.close();
    }

    /** Counts the connection as failed once, however many errors (read or write) follow. */
    private void countFailure() {
        if (!failed) {
            failed = true;
            metrics.errors().increment();
        }
    }
}
