/**
 * Echo servers on java.nio: the blocking thread-per-connection baseline and the Selector reactor.
 */
package dev.wirelab.nio;
