package exercises.netty;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/*
 * Exercise netty-flush: flush once per read batch, not once per message.
 *
 * In Netty, write() only queues a message in the channel's outbound buffer; flush() is what
 * makes the system call that sends. writeAndFlush() per message is one syscall per message.
 * But a Netty event loop reads in batches: one wake-up may deliver several channelRead()
 * calls (several messages from one socket read, or several reads), and after the batch it
 * calls channelReadComplete() once. Writing in channelRead() and flushing in
 * channelReadComplete() sends a whole batch with one syscall. Under load that is the
 * difference between one write(2) per message and one per wake-up.
 *
 * This handler echoes: every message read goes back to the peer unchanged.
 */
public final class BatchingEchoHandler extends ChannelInboundHandlerAdapter {

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        // TODO: queue the message for writing, without flushing. (write() takes over the buffer:
        //       it releases it once written, so do not release it here.)
        throw new UnsupportedOperationException("netty-flush: channelRead is not written yet (run: lab hint netty-flush)");
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        // TODO: the batch is over: send everything queued.
        throw new UnsupportedOperationException("netty-flush: channelReadComplete is not written yet (run: lab hint netty-flush)");
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
