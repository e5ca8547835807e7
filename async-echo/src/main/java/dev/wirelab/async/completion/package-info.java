/**
 * The callback style: an echo server on NIO.2 completion handlers.
 *
 * <p>{@link dev.wirelab.async.completion.CompletionEchoServer} accepts and limits connections;
 * {@code CompletionConnection} is one connection's read/write loop as two handlers calling
 * each other. Read it beside {@code dev.wirelab.async.virtual.EchoLoop} to see what
 * async/await-style code saves.
 */
package dev.wirelab.async.completion;
