/**
 * Echo servers on java.nio: the blocking thread-per-connection baseline and the Selector reactor.
 *
 * <p>The reactor is {@link dev.wirelab.nio.SelectorEchoServer}: an {@code Acceptor} thread deals
 * connections to {@code EventLoop} threads, each owning a selector, a direct read buffer, and
 * the {@code Connection}s it was handed, kept in an {@code ActivityList} for the idle timeout.
 * The module README puts it beside the mio loop of the seed article; the
 * {@code dev.wirelab.nio.sendfile} package holds the zero-copy lesson.
 */
package dev.wirelab.nio;
