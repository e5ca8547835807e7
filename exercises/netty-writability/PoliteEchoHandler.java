package exercises.netty;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/*
 * Exercise netty-writability: stop reading while the peer does not keep up.
 *
 * An echo server that reads as fast as a client sends, but writes to a client that reads
 * slowly, piles the difference up in the channel's outbound buffer: unbounded memory, one
 * slow client at a time. Netty tracks that buffer against two water marks: above the high
 * mark the channel becomes unwritable, below the low mark writable again, and each change
 * fires channelWritabilityChanged(). The polite answer: while the channel is unwritable,
 * stop reading from it (autoRead off); TCP then fills the client's send window and the
 * client slows down. When the channel is writable again, read again (autoRead on).
 *
 * The echo part (write per message, flush per batch) is written; you write the writability part.
 */
public final class PoliteEchoHandler extends ChannelInboundHandlerAdapter {

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ctx.write(msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        // TODO: read only while the channel is writable: set autoRead to match isWritable(),
        //       then pass the event on to the next handler.
        throw new UnsupportedOperationException("netty-writability: channelWritabilityChanged is not written yet (run: lab hint netty-writability)");
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
