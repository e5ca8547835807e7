package dev.wirelab.cluster;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.receptionist.ServiceKey;

/**
 * Where a session's state waits while the session moves from a leaving node to another one.
 *
 * <p>A sharded entity lives in memory on one node. When that node leaves the cluster, its
 * shards are handed off: each entity gets its stop message ({@link SessionEntity.Handoff}),
 * saves its state here and stops; the next message for it starts it on another node, where
 * it reads the state back. The store runs on the front-end node, which stays.
 *
 * <p>Where the lab simplifies: one store on one node is a single point of failure, and it
 * only helps when a node <em>leaves</em> (a crashed node's entities never get their stop
 * message, so their state is gone). Production keeps session state in event-sourced
 * persistence (akka-persistence and a database) or replicates it in memory (Distributed Data).
 */
public final class SessionStore {

    /** How entity nodes find the store: through the cluster's receptionist. */
    public static final ServiceKey<Command> KEY = ServiceKey.create(Command.class, "session-store");

    public sealed interface Command extends Serializable permits Save, Load {
    }

    public record Save(String sessionId, SessionEntity.State state) implements Command {
    }

    public record Load(String sessionId, ActorRef<Loaded> replyTo) implements Command {
    }

    /**
     * The saved state ({@code null} when there is none), removed from the store as it is read:
     * a session has one home at a time. Not an {@code Optional} field: Optional is not
     * serializable, and this reply crosses the network.
     */
    public record Loaded(SessionEntity.State saved) implements Serializable {
        public Optional<SessionEntity.State> state() {
            return Optional.ofNullable(saved);
        }
    }

    private SessionStore() {
    }

    public static Behavior<Command> create() {
        return Behaviors.setup(ctx -> {
            ctx.getSystem().receptionist().tell(akka.actor.typed.receptionist.Receptionist.register(KEY, ctx.getSelf()));
            return serving(new HashMap<>());
        });
    }

    private static Behavior<Command> serving(Map<String, SessionEntity.State> saved) {
        return Behaviors.receive(Command.class)
                .onMessage(Save.class, save -> {
                    saved.put(save.sessionId(), save.state());
                    return Behaviors.same();
                })
                .onMessage(Load.class, load -> {
                    load.replyTo().tell(new Loaded(saved.remove(load.sessionId())));
                    return Behaviors.same();
                })
                .build();
    }
}
