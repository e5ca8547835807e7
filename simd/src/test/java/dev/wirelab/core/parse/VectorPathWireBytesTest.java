package dev.wirelab.core.parse;

/** core's WireBytes suite (every backing store, every window), run with the vector scanner too. */
class VectorPathWireBytesTest extends WireBytesTest {
}
