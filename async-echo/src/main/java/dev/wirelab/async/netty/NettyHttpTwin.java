package dev.wirelab.async.netty;

import java.util.ArrayList;
import java.util.List;

import dev.wirelab.core.metrics.ConnectionMetrics;
import dev.wirelab.core.parse.HttpVersion;
import dev.wirelab.core.protocol.EncodedField;
import dev.wirelab.core.protocol.HttpField;
import dev.wirelab.core.protocol.HttpRequest;
import dev.wirelab.core.protocol.HttpResponseSink;
import dev.wirelab.core.protocol.HttpRoutes;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.timeout.IdleStateEvent;

/**
 * The production twin of wirelab's HTTP servers: Netty's own {@link HttpServerCodec} and
 * {@link HttpObjectAggregator} parse and frame, and the same {@link HttpRoutes} answer. It
 * is what a Java developer would write with the library everyone picks, so the tour can ask
 * whether a hand-written parser and state machine on a plain selector keep up with it.
 *
 * <pre>
 *   bytes ─▶ HttpServerCodec (decoder) ─▶ HttpObjectAggregator ─▶ FullHttpRequest ─▶ this ─▶ HttpRoutes
 *   bytes ◀─ HttpServerCodec (encoder) ◀────────────────────────── FullHttpResponse ◀───┘
 * </pre>
 *
 * <p><b>Configured to the same rules</b> as core's parser: 8 KiB request line, 16 KiB of
 * headers, 1 MiB bodies, strict line endings, and RFC 9112's rule that a request with both
 * Transfer-Encoding and Content-Length is refused (Netty's default strips the length and
 * carries on; {@code setUseRfc9112TransferEncoding} makes it an error). A decoding failure
 * is answered with the matching status (414, 431, 400) and a close; an oversized body with
 * 413 and a close, as the parser-driven servers do.
 *
 * <p>Per request it builds a core {@link HttpRequest} from Netty's (a copy of the body and
 * fields) and a Netty response from what the routes wrote: the price of sharing one set of
 * routes between two stacks, paid only by the twin.
 */
final class NettyHttpTwin extends SimpleChannelInboundHandler<FullHttpRequest> {

    private final HttpRoutes.Conversation routes;
    private final ConnectionMetrics metrics;
    private boolean closing;

    private NettyHttpTwin(HttpRoutes.Conversation routes, ConnectionMetrics metrics) {
        this.routes = routes;
        this.metrics = metrics;
    }

    /** Adds the codec, the aggregator and the handler to a new connection's pipeline. */
    static void install(ChannelPipeline pipeline, HttpRoutes.Conversation routes, ConnectionMetrics metrics) {
        HttpDecoderConfig decoding = new HttpDecoderConfig()
                .setMaxInitialLineLength(HttpRoutes.LIMITS.maxRequestLineBytes())
                .setMaxHeaderSize(HttpRoutes.LIMITS.maxHeaderBytes())
                .setStrictLineParsing(true)
                .setUseRfc9112TransferEncoding(true);
        pipeline.addLast("http-codec", new HttpServerCodec(decoding))
                .addLast("http-aggregator", new Aggregator((int) HttpRoutes.MAX_BODY_BYTES))
                .addLast("http-routes", new NettyHttpTwin(routes, metrics));
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (closing) {
            return; // a pipelined request after one that ended the connection
        }
        if (!request.decoderResult().isSuccess()) {
            refuse(ctx, statusFor(request.decoderResult().cause()), request.decoderResult().cause().getMessage());
            return;
        }
        Collected response = new Collected();
        routes.handle(coreRequest(request), response);
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        FullHttpResponse reply = response.toNetty(request.method().name().equals("HEAD"));
        HttpUtil.setKeepAlive(reply, keepAlive);
        if (keepAlive) {
            ctx.write(reply);
        } else {
            closing = true;
            ctx.writeAndFlush(reply).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush(); // every response of this read in one gathering write
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            metrics.idleTimeouts().increment();
            ctx.close();
        } else if (event instanceof ChannelInputShutdownEvent) {
            // The peer half-closed: answer what was read (already written), then close our side too.
            ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        metrics.errors().increment();
        ctx.close();
    }

    private static HttpResponseStatus statusFor(Throwable cause) {
        return switch (cause) {
            case TooLongHttpLineException e -> HttpResponseStatus.REQUEST_URI_TOO_LONG;
            case TooLongHttpHeaderException e -> HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
            default -> HttpResponseStatus.BAD_REQUEST;
        };
    }

    private void refuse(ChannelHandlerContext ctx, HttpResponseStatus status, String why) {
        closing = true;
        FullHttpResponse reply = new DefaultFullHttpResponse(io.netty.handler.codec.http.HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(String.valueOf(why) + "\n", java.nio.charset.StandardCharsets.UTF_8));
        reply.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, reply.content().readableBytes())
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(reply).addListener(ChannelFutureListener.CLOSE);
    }

    /** Netty's request as core's: the routes take one request type for both stacks. */
    private static HttpRequest coreRequest(FullHttpRequest request) {
        List<HttpField> fields = new ArrayList<>(request.headers().size());
        request.headers().forEach(e -> fields.add(new HttpField(e.getKey(), e.getValue())));
        HttpVersion version = request.protocolVersion().minorVersion() == 0 ? HttpVersion.HTTP_1_0 : HttpVersion.HTTP_1_1;
        return new HttpRequest(request.method().name(), request.uri(), version, fields, ByteBufUtil.getBytes(request.content()));
    }

    /** What the routes wrote, gathered for Netty's encoder. */
    private static final class Collected implements HttpResponseSink {
        private int status;
        private final List<EncodedField> fields = new ArrayList<>(4);
        private byte[] body = new byte[0];

        @Override
        public HttpResponseSink status(int code) {
            this.status = code;
            return this;
        }

        @Override
        public HttpResponseSink header(EncodedField field) {
            fields.add(field);
            return this;
        }

        @Override
        public void body(byte[] bytes) {
            this.body = bytes;
        }

        FullHttpResponse toNetty(boolean head) {
            FullHttpResponse reply = new DefaultFullHttpResponse(io.netty.handler.codec.http.HttpVersion.HTTP_1_1,
                    HttpResponseStatus.valueOf(status), head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
            for (EncodedField field : fields) {
                reply.headers().add(field.name(), field.value());
            }
            reply.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
            return reply;
        }
    }

    /** The aggregator, answering a too-large body as the other servers do: 413 and a close. */
    private static final class Aggregator extends HttpObjectAggregator {
        Aggregator(int maxContentLength) {
            super(maxContentLength);
        }

        @Override
        protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
            FullHttpResponse reply = new DefaultFullHttpResponse(io.netty.handler.codec.http.HttpVersion.HTTP_1_1,
                    HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, Unpooled.EMPTY_BUFFER);
            reply.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0).set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(reply).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
