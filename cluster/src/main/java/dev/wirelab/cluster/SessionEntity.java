package dev.wirelab.cluster;

import java.io.Serializable;
import java.time.Duration;
import java.util.Optional;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.StashBuffer;
import akka.cluster.sharding.typed.javadsl.EntityTypeKey;
import akka.cluster.typed.Cluster;

/*
 * A login session as a sharded entity.
 *
 * actor-echo's AuthSession makes a session's states behaviours: unauthenticated, then
 * authenticated. Here the same idea runs on a cluster. Each session is an ENTITY with an id;
 * Cluster Sharding decides which node hosts it (by the id's shard), starts it there on its
 * first message, and routes every later message to it, wherever the sender is. The sender
 * holds an EntityRef (an id, not an address): the session can move and the sender never knows.
 *
 *   front end (node 1) ── EntityRef("alice-1") ──▶ shard region ──▶ node 2 or 3: the entity
 *
 * A message to a session on another node is serialized, sent over Artery (TCP on 127.0.0.1
 * here), deserialized, handled, and the reply makes the same trip back: HopCost measures what
 * that costs against a local actor.
 *
 * When a node leaves, its shards move. The entity gets Handoff (its stop message), saves its
 * state to the SessionStore and stops; its next message starts it on a node that stayed, and
 * it reads the state back before it handles anything (messages that arrive meanwhile wait in
 * a stash). So a logged-in session stays logged in across the move.
 *
 * Messages are Java-serializable records. Where the lab simplifies: Akka recommends Jackson
 * (akka-serialization-jackson) or Protobuf for anything long-lived, because Java serialization
 * is slow and accepts any class; here it keeps every message a plain record, and only our own
 * nodes on loopback talk to each other.
 */

/** A login session (unauthenticated, then authenticated) as a sharded entity whose state survives a node leaving. */
public final class SessionEntity {

    public static final EntityTypeKey<Command> TYPE = EntityTypeKey.create(Command.class, "session");

    /** Everything a session understands; all of it crosses the network, so all of it is serializable. */
    public sealed interface Command extends Serializable permits Login, Echo, Handoff, Restored {
    }

    /** Log in as {@code user}. */
    public record Login(String user, ActorRef<Reply> replyTo) implements Command {
    }

    /** Echo {@code text}: only for a logged-in session. */
    public record Echo(String text, ActorRef<Reply> replyTo) implements Command {
    }

    /** The stop message Cluster Sharding sends when the entity's shard moves to another node. */
    public enum Handoff implements Command { INSTANCE }

    /** Internal, never sent between nodes: the state read back from the store, or none. */
    record Restored(Optional<State> state) implements Command {
    }

    /** What a session remembers: who is logged in, and how many messages it has echoed. */
    public record State(String user, long echoed) implements Serializable {
    }

    /** Every reply names the node that handled the message, so a test can see where the session lives. */
    public sealed interface Reply extends Serializable permits LoggedIn, Echoed, Refused {
        String node();
    }

    public record LoggedIn(String user, String node) implements Reply {
    }

    public record Echoed(String text, long echoed, String node) implements Reply {
    }

    public record Refused(String why, String node) implements Reply {
    }

    private final String id;
    private final ActorRef<SessionStore.Command> store;
    private final String node;
    private final StashBuffer<Command> stash;

    private SessionEntity(String id, ActorRef<SessionStore.Command> store, ActorContext<Command> ctx, StashBuffer<Command> stash) {
        this.id = id;
        this.store = store;
        this.node = Cluster.get(ctx.getSystem()).selfMember().address().hostPort();
        this.stash = stash;
    }

    /** A session: first it asks the store for a state left by a previous home, then it serves. */
    public static Behavior<Command> create(String id, ActorRef<SessionStore.Command> store) {
        return Behaviors.withStash(1_000, stash -> Behaviors.setup(ctx -> {
            ctx.ask(SessionStore.Loaded.class, store, Duration.ofSeconds(3), replyTo -> new SessionStore.Load(id, replyTo),
                    (loaded, failure) -> new Restored(loaded == null ? Optional.empty() : loaded.state()));
            return new SessionEntity(id, store, ctx, stash).restoring();
        }));
    }

    // ---------------------------------------------------------------- protocol states

    /** Waiting for the store's answer: everything else waits in the stash, in order. */
    private Behavior<Command> restoring() {
        return Behaviors.receive(Command.class)
                .onMessage(Restored.class, restored -> stash.unstashAll(restored.state()
                        .map(this::authenticated).orElseGet(this::unauthenticated)))
                .onAnyMessage(message -> {
                    stash.stash(message);
                    return Behaviors.same();
                })
                .build();
    }

    /** Not logged in: a login moves on; there is no code here that echoes. */
    private Behavior<Command> unauthenticated() {
        return Behaviors.receive(Command.class)
                .onMessage(Login.class, login -> {
                    login.replyTo().tell(new LoggedIn(login.user(), node));
                    return authenticated(new State(login.user(), 0));
                })
                .onMessage(Echo.class, echo -> {
                    echo.replyTo().tell(new Refused("log in first", node));
                    return Behaviors.same();
                })
                .onMessageEquals(Handoff.INSTANCE, Behaviors::stopped) // nothing worth keeping
                .build();
    }

    /** Logged in: echoes, counting; on hand-off the state goes to the store before the entity stops. */
    private Behavior<Command> authenticated(State state) {
        return Behaviors.receive(Command.class)
                .onMessage(Echo.class, echo -> {
                    State next = new State(state.user(), state.echoed() + 1);
                    echo.replyTo().tell(new Echoed(echo.text(), next.echoed(), node));
                    return authenticated(next);
                })
                .onMessage(Login.class, login -> {
                    login.replyTo().tell(new Refused("already logged in as " + state.user(), node));
                    return Behaviors.same();
                })
                .onMessageEquals(Handoff.INSTANCE, () -> {
                    store.tell(new SessionStore.Save(id, state));
                    return Behaviors.stopped();
                })
                .build();
    }
}
