package dev.wirelab.actor.akka;

import akka.actor.AbstractActor;
import akka.actor.Props;
import akka.actor.typed.ActorRef;
import akka.io.Tcp;

/**
 * A tiny <em>classic</em> actor that translates the TCP extension's listener events into the
 * typed {@link Listener}'s protocol.
 *
 * <p><b>Why it exists.</b> Akka's TCP extension predates Akka Typed and was never ported
 * (Akka 2.6 has no typed TCP API). Its events carry the actor to talk back to only as the
 * classic {@code sender()}: {@code Connected} comes from the new connection's socket actor,
 * and {@code Bound} from the listening socket's actor. A typed actor has no {@code sender()},
 * so this bridge reads it and puts it into a typed message. Events on a connection do not need
 * a bridge: a {@link ConnectionActor} already knows its socket actor, so a plain message adapter
 * serves it.
 */
final class AcceptBridge extends AbstractActor {

    private final ActorRef<Listener.Command> listener;

    private AcceptBridge(ActorRef<Listener.Command> listener) {
        this.listener = listener;
    }

    static Props props(ActorRef<Listener.Command> listener) {
        return Props.create(AcceptBridge.class, () -> new AcceptBridge(listener));
    }

    @Override
    public Receive createReceive() {
        return receiveBuilder()
                .match(Tcp.Bound.class, bound -> listener.tell(new Listener.Bound(getSender(), bound.localAddress())))
                .match(Tcp.Connected.class, connected ->
                        listener.tell(new Listener.Accepted(getSender(), connected.remoteAddress())))
                .match(Tcp.CommandFailed.class, failed -> listener.tell(new Listener.BindFailed(describe(failed))))
                .match(Tcp.Unbound.class, unbound -> listener.tell(new Listener.Unbound()))
                // The close confirmation of a connection refused before it had a handler.
                .match(Tcp.ConnectionClosed.class, closed -> { })
                .build();
    }

    private static String describe(Tcp.CommandFailed failed) {
        String cause = failed.causedByString();
        return cause.isEmpty() ? failed.cmd().toString() : cause;
    }
}
