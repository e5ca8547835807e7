package dev.wirelab.actor.akka;

import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.ChildFailed;
import akka.actor.typed.SupervisorStrategy;
import akka.actor.typed.Terminated;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Adapter;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.BehaviorBuilder;
import akka.io.Inet;
import akka.io.Tcp;
import akka.io.TcpMessage;
import akka.io.TcpSO;

import dev.wirelab.core.echo.EchoConfig;
import dev.wirelab.core.metrics.ConnectionMetrics;
import dev.wirelab.core.trace.MessageTrace;
import dev.wirelab.core.metrics.Gauge;
import dev.wirelab.core.protocol.Protocol;

/**
 * The listening actor: binds the port, accepts connections one at a time, gives each one its
 * own {@link ConnectionActor} child, and is the bookkeeper of their lives.
 *
 * <h2>Accepting is pulled too</h2>
 * The port is bound in pull mode: the TCP extension accepts one connection per
 * {@code ResumeAccepting(1)} and then waits. The listener asks for the next only after it has
 * dealt with the last, so a flood of connects queues in the kernel's backlog, not in a mailbox.
 * Above {@code maxConnections} a connection is still accepted, then closed at once and counted
 * as refused (a clear answer beats a silent backlog). With {@code read=push} Akka binds in push
 * mode, which also accepts in batches: the flood then queues in this actor's mailbox, and the
 * count and the refusals are the same.
 *
 * <h2>Supervision</h2>
 * Each connection runs under {@link SupervisorStrategy#stop()}: an exception in a connection
 * actor stops that actor only (its socket actor, which watches it, closes the socket). The
 * listener watches every child, so it hears of each end as a {@link Terminated} signal, or as
 * {@link ChildFailed} when the child failed; it counts the error, releases the child's
 * {@link Gauge.Guard}, and goes on accepting. Because every end of a connection, normal or not,
 * arrives here as exactly one signal, {@code closed} and {@code active} can never drift.
 *
 * <h2>Protocol states</h2>
 * {@link #binding} → {@link #listening} → {@link #stopping} → stopped. The listener is the
 * actor system's guardian, so its stopping terminates the whole system: that is how
 * {@link AkkaEchoServer#shutdown} knows everything is done.
 */
final class Listener {

    /** Everything this actor understands. */
    sealed interface Command permits Bound, BindFailed, Accepted, Unbound, Shutdown {
    }

    /** The port is bound; {@code socket} is the TCP extension's actor for the listening socket. */
    record Bound(akka.actor.ActorRef socket, InetSocketAddress localAddress) implements Command {
    }

    /** The bind failed (port in use, address not local, ...). */
    record BindFailed(String reason) implements Command {
    }

    /** A connection was accepted; {@code socket} is its socket actor, waiting for a handler. */
    record Accepted(akka.actor.ActorRef socket, InetSocketAddress remote) implements Command {
    }

    /** The listening socket is closed: no more connections will arrive. */
    record Unbound() implements Command {
    }

    /** Stop accepting, let every connection finish echoing, then stop. */
    record Shutdown() implements Command {
    }

    private final ActorContext<Command> context;
    private final EchoConfig config;
    private final ConnectionMetrics metrics;
    private final Protocol.Sessions sessions;
    private final ConnectionActor.ReceiveHook hook;
    private final ActorTraffic traffic;
    private final akka.actor.ActorRef bridge;
    /** The live children, each with the guard that holds its place in {@code metrics.active()}. */
    private final Map<ActorRef<ConnectionActor.Command>, Gauge.Guard> connections = new HashMap<>();
    private long nextId;

    private Listener(ActorContext<Command> context, EchoConfig config, ConnectionMetrics metrics,
                     ActorTraffic traffic, ConnectionActor.ReceiveHook hook) {
        this.context = context;
        this.config = config;
        this.sessions = config.protocol().sessions(metrics);
        this.metrics = metrics;
        this.hook = hook;
        this.traffic = traffic;
        this.bridge = Adapter.actorOf(context, AcceptBridge.props(context.getSelf()), "accept-bridge");
    }

    /**
     * A listener that binds {@code config.host():config.port()} at once and completes
     * {@code bound} with the address it got (or with a {@link BindException}).
     */
    static Behavior<Command> create(EchoConfig config, ConnectionMetrics metrics,
                                    ActorTraffic traffic, CompletableFuture<InetSocketAddress> bound,
                                    ConnectionActor.ReceiveHook hook) {
        return Behaviors.setup(context -> new Listener(context, config, metrics, traffic, hook).bind(bound));
    }

    private Behavior<Command> bind(CompletableFuture<InetSocketAddress> bound) {
        akka.actor.ActorRef tcp = Tcp.get(Adapter.toClassic(context.getSystem())).manager();
        var endpoint = new InetSocketAddress(config.host(), config.port());
        // The bind's socket options reach every accepted socket: Akka applies a SendBufferSize
        // "after connect", i.e. on each connection the listener accepts.
        List<Inet.SocketOption> options = config.sendBufferSize() > 0
                ? List.of(TcpSO.sendBufferSize(config.sendBufferSize()))
                : List.of();
        // pullMode = true: accepted connections, and the accepting itself, wait to be asked.
        // Akka has one switch for both: with read=push the connections read unasked and the TCP
        // extension also accepts in batches (batch-accept-limit); every Connected still comes
        // here, so the limit is counted and refused exactly as in pull mode.
        boolean pull = traffic.readMode() == ActorTraffic.ReadMode.PULL;
        tcp.tell(TcpMessage.bind(bridge, endpoint, config.backlog(), options, pull), bridge);
        return binding(bound);
    }

    // ---------------------------------------------------------------- protocol states

    /** Waiting for the TCP extension to answer the bind. */
    private Behavior<Command> binding(CompletableFuture<InetSocketAddress> bound) {
        return Behaviors.receive(Command.class)
                .onMessage(Bound.class, message -> {
                    bound.complete(message.localAddress());
                    message.socket().tell(TcpMessage.resumeAccepting(1), bridge);
                    return listening(message.socket());
                })
                .onMessage(BindFailed.class, message -> {
                    bound.completeExceptionally(new BindException(
                            "cannot bind " + config.host() + ":" + config.port() + ": " + message.reason()));
                    return Behaviors.stopped();
                })
                .onMessage(Shutdown.class, message -> Behaviors.stopped())
                .build();
    }

    /** Serving: each accepted connection gets a child, then the next accept is requested. */
    private Behavior<Command> listening(akka.actor.ActorRef listenSocket) {
        return withChildSignals(Behaviors.receive(Command.class))
                .onMessage(Accepted.class, message -> {
                    MessageTrace.note("tcp", "listener", "Connected  [via AcceptBridge]");
                    if (connections.size() >= config.maxConnections()) {
                        refuse(message.socket());
                    } else {
                        serve(message.socket());
                    }
                    listenSocket.tell(TcpMessage.resumeAccepting(1), bridge);
                    MessageTrace.note("listener", "tcp", "ResumeAccepting(1)");
                    return Behaviors.same();
                })
                .onMessage(Shutdown.class, message -> {
                    listenSocket.tell(TcpMessage.unbind(), bridge);
                    connections.keySet().forEach(child -> child.tell(new ConnectionActor.Drain()));
                    return stopping(false);
                })
                .build();
    }

    /** Unbinding and draining: stops once the port is released and the last child has ended. */
    private Behavior<Command> stopping(boolean unbound) {
        if (unbound && connections.isEmpty()) {
            return Behaviors.stopped();
        }
        return withChildSignals(Behaviors.receive(Command.class), () -> stopping(unbound))
                .onMessage(Unbound.class, message -> stopping(true))
                // Accepted before the unbind took effect: closed at once, like a refusal.
                .onMessage(Accepted.class, message -> {
                    refuse(message.socket());
                    return Behaviors.same();
                })
                .onMessage(Shutdown.class, message -> Behaviors.same())
                .build();
    }

    // ---------------------------------------------------------------- helpers

    private void serve(akka.actor.ActorRef socket) {
        String name = "connection-" + nextId++;
        Behavior<ConnectionActor.Command> connection = Behaviors.supervise(
                        ConnectionActor.create(socket, sessions.open(name), config, metrics, traffic, hook))
                .onFailure(SupervisorStrategy.stop());
        ActorRef<ConnectionActor.Command> child = context.spawn(connection, name);
        MessageTrace.note("listener", "connection", "spawn " + child.path().name());
        context.watch(child);
        metrics.accepted().increment();
        connections.put(child, metrics.active().enter());
    }

    private void refuse(akka.actor.ActorRef socket) {
        socket.tell(TcpMessage.close(), bridge);
        metrics.refused().increment();
    }

    private BehaviorBuilder<Command> withChildSignals(BehaviorBuilder<Command> builder) {
        return withChildSignals(builder, Behaviors::same);
    }

    /** A child ended: count it, release its place, and continue with {@code next}. */
    private BehaviorBuilder<Command> withChildSignals(BehaviorBuilder<Command> builder,
                                                     java.util.function.Supplier<Behavior<Command>> next) {
        return builder
                // ChildFailed is a Terminated, so it must come first.
                .onSignal(ChildFailed.class, failed -> {
                    metrics.errors().increment();
                    return childEnded(failed.getRef(), next);
                })
                .onSignal(Terminated.class, terminated -> childEnded(terminated.getRef(), next));
    }

    private Behavior<Command> childEnded(ActorRef<?> child, java.util.function.Supplier<Behavior<Command>> next) {
        Gauge.Guard guard = connections.remove(child);
        if (guard != null) {
            guard.close();
            metrics.closed().increment();
        }
        return next.get();
    }
}
