package dev.wirelab.core.parse;

/** core's scanner suite (every search against a plain loop in every window), run with the vector scanner too. */
class VectorPathScannerTest extends HttpScannerTest {
}
