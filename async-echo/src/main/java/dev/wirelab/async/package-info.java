/**
 * Echo servers in the async style: Netty event loops and virtual threads.
 */
package dev.wirelab.async;
