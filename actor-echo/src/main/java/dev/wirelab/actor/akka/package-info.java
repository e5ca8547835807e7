/**
 * An echo server built from Akka Typed actors (the actix analog).
 *
 * <p>{@link dev.wirelab.actor.akka.AkkaEchoServerProvider} registers the server with the lab as
 * {@code akka}. {@link dev.wirelab.actor.akka.AkkaEchoServer} owns one actor system per server;
 * its guardian is the {@code Listener} actor, which binds in pull mode, accepts one connection
 * at a time and supervises one {@code ConnectionActor} per socket. A {@code ConnectionActor} reads
 * only while its echo backlog has room and writes one acknowledged write at a time. The
 * classic {@code AcceptBridge} exists because Akka's TCP extension speaks classic actors
 * ({@code sender()}), and {@code AkkaSettings} holds the whole Akka configuration in code.
 * {@link dev.wirelab.actor.auth} is the typestate lesson in actor form.
 */
package dev.wirelab.actor.akka;
