/**
 * The parsing suite ({@code lab bench parsing}): core's UDP/IPv4 flyweights beside a parser
 * that copies into objects ({@link dev.wirelab.bench.parse.FlyweightBenchmark}), and core's
 * HTTP/1.1 request parser beside Netty's {@code HttpRequestDecoder} on one request corpus
 * ({@link dev.wirelab.bench.parse.HttpParserBenchmark}). Allocation per operation is the
 * point of both, so the lab runs them with {@code -prof gc}.
 */
package dev.wirelab.bench.parse;
