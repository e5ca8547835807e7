package dev.wirelab.core.parse;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpUtil;
import org.junit.jupiter.api.Test;

import static dev.wirelab.core.parse.HttpSamples.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The teaching parser beside its production twin, Netty's {@link HttpRequestDecoder}: on
 * well-formed requests the two must see the same method, target, version, fields and body
 * framing. A difference means one of them misreads HTTP.
 */
class NettyTwinTest {

    @Test
    void agreesWithNettyOnRandomWellFormedRequests() {
        Random random = new Random(0x7E77_1L);
        for (int run = 0; run < 500; run++) {
            HttpSamples.Sample sample = HttpSamples.randomSample(random);
            byte[] wire = bytes(sample.wire());
            String context = "run " + run + ":\n" + sample.wire();

            HttpParseResult.Complete complete = assertInstanceOf(HttpParseResult.Complete.class,
                    new HttpRequestParser().parse(ByteBuffer.wrap(wire)), context);
            HttpRequestHead ours = complete.head();
            HttpRequest netty = nettyParse(wire);

            assertTrue(netty.decoderResult().isSuccess(), context + netty.decoderResult());
            assertEquals(netty.method().name(), ours.method(), context);
            assertEquals(netty.uri(), ours.target(), context);
            assertEquals(netty.protocolVersion().text(), ours.version().text(), context);
            List<Map.Entry<String, String>> fields = netty.headers().entries();
            assertEquals(fields.size(), ours.headerCount(), context);
            for (int i = 0; i < fields.size(); i++) {
                assertEquals(fields.get(i).getKey(), ours.headerName(i), context);
                assertEquals(fields.get(i).getValue(), ours.headerValue(i), context);
            }
            assertEquals(framingAsNettySeesIt(netty), complete.framing(), context);
        }
    }

    private static HttpRequest nettyParse(byte[] wire) {
        EmbeddedChannel channel = new EmbeddedChannel(new HttpRequestDecoder());
        try {
            channel.writeInbound(Unpooled.wrappedBuffer(wire));
            return (HttpRequest) channel.readInbound();
        } finally {
            channel.finishAndReleaseAll();
        }
    }

    private static BodyFraming framingAsNettySeesIt(HttpRequest request) {
        if (HttpUtil.isTransferEncodingChunked(request)) {
            return BodyFraming.CHUNKED;
        }
        long length = HttpUtil.getContentLength(request, -1L);
        return length < 0 ? BodyFraming.NONE : new BodyFraming.ContentLength(length);
    }
}
