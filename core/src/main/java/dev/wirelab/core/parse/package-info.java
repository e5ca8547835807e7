/**
 * Zero-copy parsing: reading wire formats where the bytes already are, instead of
 * building an object per packet or a String per header.
 *
 * <h2>Two techniques, one rule</h2>
 * <ul>
 *   <li><b>Flyweights over fixed layouts.</b> Each binary header has a <em>descriptor</em>
 *       (the RFC diagram and offset constants: {@link dev.wirelab.core.parse.UdpDescriptor},
 *       {@link dev.wirelab.core.parse.Ipv4Descriptor}) and a <em>flyweight</em> that is
 *       re-pointed at each packet and reads fields on demand
 *       ({@link dev.wirelab.core.parse.UdpHeader}, {@link dev.wirelab.core.parse.Ipv4Header}).
 *       {@code Ipv4Header.wrapPayload(udp)} hands the payload to the next layer over the same
 *       bytes, so a captured UDP/IPv4 datagram is parsed end to end without a copy.</li>
 *   <li><b>Offset views over text.</b> {@link dev.wirelab.core.parse.HttpRequestParser} finds
 *       the request line and fields of an HTTP/1.1 head and records only their offsets in an
 *       {@link dev.wirelab.core.parse.HttpRequestHead}; Strings are made when asked for.
 *       {@link dev.wirelab.core.parse.ChunkedDecoder} passes chunk data to a sink in place.</li>
 * </ul>
 * The rule they share: <b>bytes from the network never cause an exception.</b> Flyweights
 * answer with a status enum, the HTTP parsers with sealed results
 * ({@link dev.wirelab.core.parse.HttpParseResult}, {@link dev.wirelab.core.parse.ChunkedResult})
 * whose {@link dev.wirelab.core.parse.Malformed} names the rule
 * ({@link dev.wirelab.core.parse.MalformedReason}) and the byte offset, within
 * {@link dev.wirelab.core.parse.HttpLimits}.
 *
 * <h2>How the files relate</h2>
 * <pre>
 *  WireBytes (package-private) — one window over a ByteBuffer or a MemorySegment, big-endian reads
 *     ├── UdpHeader  ── reads through ── UdpDescriptor
 *     ├── Ipv4Header ── reads through ── Ipv4Descriptor, hands its payload to UdpHeader
 *     ├── HttpRequestParser ──> HttpParseResult = Complete (the parser's own, refilled) | NeedMore | Malformed
 *     │                           Complete: HttpRequestHead, consumed, contentLength / isChunked (or framing())
 *     └── ChunkedDecoder    ──> ChunkedResult   = Done | NeedMore | Malformed
 *  HttpSyntax (package-private) — character classes and the field-line check both HTTP parsers use
 *  HttpScanner — the byte searches the HTTP parsers spend their time in (LF, token, visible, control,
 *     and an optional fused field-line step); ScalarHttpScanner (SWAR) here, a Vector API one in simd
 *  HttpScanners — picks one per JVM with ServiceLoader (HttpScanner.Provider); the lesson on the seam
 * </pre>
 *
 * <h2>Where Java differs from the Rust original</h2>
 * A Rust parser can return {@code &'buf [u8]} slices and the borrow checker proves they do
 * not outlive the buffer. Java has no lifetimes: a flyweight or a head view is valid until
 * it is rewrapped or its parser parses again, and while nobody overwrites the buffer. The
 * same goes for the HTTP parser's {@code Complete} result itself, which the parser reuses so
 * that a request costs no allocation. The classes say so, and code that must keep data
 * longer decodes it first (see {@code dev.wirelab.core.protocol.HttpRequest}).
 *
 * <p>The production twin of the HTTP parser is Netty's {@code HttpRequestDecoder}; the
 * benchmarks compare them.
 */
package dev.wirelab.core.parse;
