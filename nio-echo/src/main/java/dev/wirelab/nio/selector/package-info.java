/**
 * The {@code nio} variant: a {@link java.nio.channels.Selector} reactor, the Java counterpart of mio.
 *
 * <p>{@link dev.wirelab.nio.selector.SelectorEchoServer} starts one {@code Acceptor} thread that
 * deals connections to {@code EventLoop} threads; each loop owns a selector, a direct read buffer,
 * and the {@code SelectorConnection}s it was handed, kept in an {@code ActivityList} for the idle
 * timeout. {@code SocketTuning} reads the variant's socket options. The module README puts the loop
 * beside the mio loop it is modelled on.
 */
package dev.wirelab.nio.selector;
