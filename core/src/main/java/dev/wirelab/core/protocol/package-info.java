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
 */
package dev.wirelab.core.protocol;
