package dev.wirelab.core.typestate;

/**
 * The end state: a closed connection says who it was and why it closed, and offers no
 * operation at all. Unlike the other states it is a plain value (a record): there is
 * nothing left to consume, so there is nothing to guard.
 *
 * @param peer   the remote end the connection had
 * @param reason why it closed, in words a log line can carry
 */
public record Closed(String peer, String reason) implements Connection {
}
