package dev.wirelab.core.protocol;

import java.nio.ByteBuffer;

/**
 * One connection's protocol: what a server does with the bytes it reads. The server model
 * (selector, thread per connection, Netty, virtual threads, completion handlers, actors)
 * keeps everything about the socket: accepting, reading, writing, backpressure, the idle
 * timeout, the connection limit. The session keeps everything about the bytes. Neither
 * knows the other's half:
 *
 * <pre>
 *   transport                                   session ({@link Protocol#ECHO}, {@link Protocol#HTTP})
 *   read(socket) -> in ──── onInput(in, out) ──▶ parse, answer; add buffers to out
 *   write(out.buffers()) ◀───────────────────── (or add in itself: forward without a copy)
 *   peer's FIN ──────────── onEndOfInput(out) ─▶ finish
 *   closeAfterOutput()? ──▶ stop reading, send what is owed, close
 * </pre>
 *
 * <p><b>Contract.</b> {@link #onInput} takes every byte of {@code in[position, limit)}: it
 * either consumes them (moving the position) or adds {@code in} itself to {@code out}, in
 * which case sending it consumes it. The transport sends (or copies) all of {@code out}
 * before the next call, and then clears it. Calls for one connection come one at a time,
 * in order, though not necessarily from the same thread (a virtual thread or an actor may
 * move between carriers; the transport's own hand-over orders the calls).
 *
 * <p>Sessions are made by a {@link Protocol.Sessions} factory, one per server.
 */
public interface Session {

    /** Bytes arrived; replies, if any, go to {@code out}. */
    void onInput(ByteBuffer in, Outgoing out);

    /** The peer shut down its sending side; last replies, if any, go to {@code out}. */
    void onEndOfInput(Outgoing out);

    /**
     * True once this connection should end after what is owed has been sent: the peer asked
     * ({@code Connection: close}), it broke the protocol, or it ended its input.
     * The transport then stops reading, sends the output, and closes.
     */
    boolean closeAfterOutput();
}
