package exercises.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

// The tests of exercise netty-flush. Do not change this file: lab check runs it as it is.
class BatchingEchoHandlerTest {

    /** Counts the flushes that reach the channel: one per system call on a real socket. */
    static final class FlushCounter extends ChannelOutboundHandlerAdapter {
        int flushes;

        @Override
        public void flush(ChannelHandlerContext ctx) {
            flushes++;
            ctx.flush();
        }
    }

    private static ByteBuf text(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.US_ASCII);
    }

    private static String readText(EmbeddedChannel channel) {
        ByteBuf b = channel.readOutbound();
        if (b == null) {
            return null;
        }
        try {
            return b.toString(StandardCharsets.US_ASCII);
        } finally {
            b.release();
        }
    }

    /** Three messages in one read batch are echoed in order with one flush, sent when the batch ends. */
    @Test
    void oneFlushPerReadBatch() {
        FlushCounter counter = new FlushCounter();
        EmbeddedChannel channel = new EmbeddedChannel(counter, new BatchingEchoHandler());
        int before = counter.flushes;
        channel.pipeline().fireChannelRead(text("one "));
        channel.pipeline().fireChannelRead(text("two "));
        channel.pipeline().fireChannelRead(text("three"));
        channel.checkException();
        assertEquals(before, counter.flushes, "flushed before the batch was over");
        assertNull(channel.readOutbound(), "bytes were sent before the batch was over");
        channel.pipeline().fireChannelReadComplete();
        channel.checkException();
        assertEquals(before + 1, counter.flushes, "one batch, one flush");
        assertEquals("one ", readText(channel));
        assertEquals("two ", readText(channel));
        assertEquals("three", readText(channel));
        assertNull(readText(channel));
        channel.finishAndReleaseAll();
    }

    /** Two batches, two flushes; every buffer is released once written (no leak, no double release). */
    @Test
    void everyBatchIsFlushedAndNothingLeaks() {
        FlushCounter counter = new FlushCounter();
        EmbeddedChannel channel = new EmbeddedChannel(counter, new BatchingEchoHandler());
        int before = counter.flushes;
        ByteBuf first = text("a");
        ByteBuf second = text("b");
        channel.writeInbound(first);   // one read and its readComplete
        channel.writeInbound(second);
        channel.checkException();
        assertEquals(before + 2, counter.flushes);
        assertEquals("a", readText(channel));
        assertEquals("b", readText(channel));
        assertEquals(0, first.refCnt(), "the echoed buffer should be released after it was written");
        assertEquals(0, second.refCnt());
        channel.finishAndReleaseAll();
    }
}
