/**
 * Protocol state machines: a connection's life as a sealed set of states, each a record
 * carrying its own data, moved on by functions that return the next state.
 *
 * <h2>How the files relate</h2>
 * <pre>
 *  HttpConnectionState  sealed: ReadingHeaders | ReadingBody | ReadingChunked | WritingResponse | Closed
 *        ^ replaced on every transition by
 *  HttpConnectionDriver  bytes in -> response bytes out; owns the parser, chunked decoder and buffer
 *        | calls, once per request, in order
 *  HttpHandler           HttpRequest -> HttpResponse   (application code)
 *  HttpRequest, HttpResponse, HttpField   decoded, immutable messages the handler sees and returns
 * </pre>
 *
 * <h2>The lesson</h2>
 * A Rust {@code enum} with data and an exhaustive {@code match} become, in Java 21+, a
 * {@code sealed interface} of {@code record}s and a pattern {@code switch} with no
 * {@code default}. The compiler then refuses any switch that forgets a state, and refuses
 * any state declared outside the sealed set; {@code HttpConnectionStateTest} compiles
 * snippets to show both errors. Where this package gives up purity for simplicity: the
 * parser, decoder and buffer are mutable and live in the driver, and a {@code ReadingBody}
 * shares its body array with the state before it.
 *
 * <p>The driver knows nothing about sockets, so every server variant (selector, Netty,
 * virtual threads, actors) can speak HTTP by feeding it what it reads.
 *
 * <h2>Protocols over the same servers</h2>
 * <pre>
 *  Protocol            echo | http; makes one Sessions factory per server
 *  Session             one connection's protocol: onInput(in, out), onEndOfInput(out), closeAfterOutput()
 *    EchoSession       forwards its input buffer: the transport writes what it read, no copy
 *    HttpSession       HttpConnectionDriver + HttpRoutes.Conversation (the connection's login state)
 *  Outgoing            the buffers a session wants sent after one input; a gathering write where the model has one
 *  HttpRoutes          GET /plaintext, POST /echo, GET /metrics, POST /login, GET /data: written once for every server
 *  HttpExchangeHandler HttpRequestView in, HttpResponseWriter (an HttpResponseSink) out: the allocation-free handler shape
 *  EncodedField        a response field checked and encoded once
 * </pre>
 * A server model owns the socket (accept, read, write, backpressure, idle, limits) and
 * never parses HTTP; a session owns the bytes and never knows which model runs it.
 */
package dev.wirelab.core.protocol;
