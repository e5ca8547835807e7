package dev.wirelab.core.parse;

/**
 * core's whole parser suite (every rule at every split point, byte by byte, round trips,
 * mutated and random bytes over heap, direct and native memory), run in this module, where
 * {@link HttpScanners#available()} holds the vector scanner beside the scalar one. The
 * scanner is a class parameter, so every test runs with each.
 */
class VectorPathParserTest extends HttpRequestParserTest {
}
