package exercises.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

// The tests of exercise netty-writability. Do not change this file: lab check runs it as it is.
class PoliteEchoHandlerTest {

    /** Sits after the handler and counts the writability events that are passed on. */
    static final class Downstream extends ChannelInboundHandlerAdapter {
        int events;

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            events++;
        }
    }

    private static ByteBuf bytes(int n) {
        return Unpooled.wrappedBuffer(new byte[n]);
    }

    private static EmbeddedChannel channel(Downstream downstream) {
        EmbeddedChannel channel = new EmbeddedChannel(new PoliteEchoHandler(), downstream);
        channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(512, 1024));
        return channel;
    }

    /** Above the high water mark the channel stops reading; after the flush drains it, it reads again. */
    @Test
    void readingFollowsWritability() {
        Downstream downstream = new Downstream();
        EmbeddedChannel channel = channel(downstream);
        assertTrue(channel.config().isAutoRead());
        // Three 400-byte reads without a batch end: with Netty's ~96 bytes of bookkeeping per
        // queued message, about 1,500 bytes are counted, above the high mark of 1,024.
        for (int i = 0; i < 3; i++) {
            channel.pipeline().fireChannelRead(bytes(400));
        }
        channel.runPendingTasks();
        channel.checkException();
        assertFalse(channel.isWritable(), "1,200 queued bytes are above the high water mark");
        assertFalse(channel.config().isAutoRead(), "an unwritable channel must stop reading");
        // The batch ends: the flush drains the buffer below the low mark.
        channel.pipeline().fireChannelReadComplete();
        channel.runPendingTasks();
        channel.checkException();
        assertTrue(channel.isWritable());
        assertTrue(channel.config().isAutoRead(), "a writable channel must read again");
        assertEquals(2, downstream.events, "both writability events must be passed on down the pipeline");
        channel.finishAndReleaseAll();
    }

    /** Below the high water mark nothing changes: reading stays on. */
    @Test
    void smallBatchesKeepReading() {
        Downstream downstream = new Downstream();
        EmbeddedChannel channel = channel(downstream);
        channel.pipeline().fireChannelRead(bytes(100));
        channel.pipeline().fireChannelRead(bytes(100));
        channel.pipeline().fireChannelReadComplete();
        channel.runPendingTasks();
        channel.checkException();
        assertTrue(channel.config().isAutoRead());
        assertEquals(0, downstream.events);
        channel.finishAndReleaseAll();
    }
}
