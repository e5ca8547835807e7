package dev.wirelab.core.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * Where one HTTP/1.1 connection is in its life, as a closed set of states that each carry
 * exactly the data that state needs.
 *
 * <pre>
 *                 head complete, no body
 *        +-------------------------------------------+
 *        |                                           v
 *  [ReadingHeaders] --Content-Length--> [ReadingBody] --all bytes--> [WritingResponse]
 *        |   ^                                                          |  |
 *        |   |  keep-alive                                              |  | close
 *        |   +----------------------------------------------------------+  v
 *        +--chunked--> [ReadingChunked] --last chunk--> [WritingResponse] [Closed]
 *        |
 *        +--malformed--> [WritingResponse: 4xx, then close] --> [Closed]
 * </pre>
 *
 * <p><b>Why a sealed interface of records.</b> It is Java's version of a Rust enum with
 * data: {@code ReadingBody} cannot exist without its request and byte count, {@code Closed}
 * has none, and no "current content length" field lingers, meaningless, in the other states.
 * Because the set is sealed, a {@code switch} over a state without a {@code default} is
 * checked for completeness by the compiler: add a sixth state and every such switch stops
 * compiling until it says what happens there. That is the point of never writing
 * {@code default} in one of them.
 *
 * <p><b>Transitions are functions.</b> A state never changes; a transition returns the next
 * state ({@link ReadingBody#receive}, {@link WritingResponse#written}), and the driver
 * replaces its one reference. The mutable parsing machinery (the parser, the chunked
 * decoder, the input buffer) lives in {@link HttpConnectionDriver}, not in the states.
 */
public sealed interface HttpConnectionState {

    /** Waiting for (the rest of) a request head. */
    record ReadingHeaders() implements HttpConnectionState {
    }

    /**
     * Reading a body of known length into {@code body}; {@code body[0, filled)} has arrived.
     * Successive states share the array, each filling more of it.
     */
    record ReadingBody(HttpRequest request, byte[] body, int filled) implements HttpConnectionState {

        public ReadingBody {
            if (filled < 0 || filled > body.length) {
                throw new IllegalArgumentException("filled " + filled + " outside [0, " + body.length + "]");
            }
        }

        public int remaining() {
            return body.length - filled;
        }

        public boolean isComplete() {
            return filled == body.length;
        }

        /** Takes what it still needs from {@code in}, leaving any next request there. */
        public ReadingBody receive(ByteBuffer in) {
            int n = Math.min(remaining(), in.remaining());
            in.get(body, filled, n);
            return new ReadingBody(request, body, filled + n);
        }

        @Override
        public String toString() {
            return "ReadingBody[" + request.method() + " " + request.target() + ", " + filled + "/" + body.length + " bytes]";
        }
    }

    /** Decoding a chunked body; decoded bytes so far are in {@code body}. */
    record ReadingChunked(HttpRequest request, ByteArrayOutputStream body) implements HttpConnectionState {
    }

    /**
     * A response is ready to go out; {@code next} is where the connection goes once it has:
     * {@link ReadingHeaders} to keep the connection, or {@link Closed}. {@code bytes} holds a
     * response serialized on its own; the driver writes every response straight into the
     * connection's output ({@link HttpResponseWriter}) and leaves it empty, so that a
     * keep-alive exchange can reuse one shared state object.
     */
    record WritingResponse(byte[] bytes, HttpConnectionState next) implements HttpConnectionState {

        public WritingResponse {
            if (!(next instanceof ReadingHeaders || next instanceof Closed)) {
                throw new IllegalArgumentException("after a response comes ReadingHeaders or Closed, not "
                        + next.getClass().getSimpleName());
            }
        }

        /** The transition taken once every byte has been handed to the transport. */
        public HttpConnectionState written() {
            return next;
        }

        @Override
        public String toString() {
            return "WritingResponse[" + bytes.length + " bytes, then " + next + "]";
        }
    }

    /** The connection is over; input is ignored from now on. */
    record Closed(Cause cause) implements HttpConnectionState {

        /** Why the connection ended. */
        public enum Cause {
            /** The peer ended its stream between requests: a clean close. */
            PEER_CLOSED,
            /** The peer ended its stream in the middle of a request. */
            TRUNCATED_REQUEST,
            /** The exchange asked not to persist (Connection: close, or HTTP/1.0 without keep-alive). */
            CONNECTION_CLOSE,
            /** The request broke a rule; an error status was sent. */
            MALFORMED_REQUEST,
            /** The handler threw; a 500 was sent. */
            HANDLER_FAILED
        }
    }
}
