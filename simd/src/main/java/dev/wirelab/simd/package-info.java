/**
 * Vector API kernels with scalar fallbacks, chosen at run time.
 */
package dev.wirelab.simd;
