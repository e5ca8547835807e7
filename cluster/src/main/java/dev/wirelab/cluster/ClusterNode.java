package dev.wirelab.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import akka.actor.Address;
import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.AskPattern;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.receptionist.Receptionist;
import akka.cluster.MemberStatus;
import akka.cluster.sharding.typed.javadsl.ClusterSharding;
import akka.cluster.sharding.typed.javadsl.Entity;
import akka.cluster.sharding.typed.javadsl.EntityRef;
import akka.cluster.typed.Cluster;
import akka.cluster.typed.Join;
import akka.cluster.typed.Leave;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

/**
 * One node of the lab's cluster: an ActorSystem with the cluster provider, listening with
 * Artery on 127.0.0.1 at a port the OS picks (port 0, so tests never collide), and the
 * session entities' sharding set up.
 *
 * <p>Two kinds of node. The <em>front</em> node runs the TCP front end and the
 * {@link SessionStore}, and hosts no sessions (it is a sharding proxy: it knows where each
 * shard lives and forwards). <em>Entity</em> nodes (role {@code entities}) host the sessions.
 * Several nodes can share one JVM (the tests do: three ActorSystems) or run in JVMs of their own.
 */
public final class ClusterNode implements AutoCloseable {

    /** The role of the nodes that host sessions. */
    public static final String ENTITIES = "entities";

    private final ActorSystem<Void> system;
    private final ActorRef<SessionStore.Command> store;

    private ClusterNode(ActorSystem<Void> system, ActorRef<SessionStore.Command> store) {
        this.system = system;
        this.store = store;
    }

    /** The settings every node shares; kept here, in one place, so the lesson can show them. */
    static Config config(String role) {
        return ConfigFactory.parseString(String.join("\n",
                "akka.actor.provider = cluster",
                "akka.remote.artery.canonical.hostname = \"127.0.0.1\"",
                "akka.remote.artery.canonical.port = 0",
                // records over Java serialization: see SessionEntity for why, and what production uses
                "akka.actor.allow-java-serialization = on",
                "akka.actor.warn-about-java-serializer-usage = off",
                "akka.cluster.roles = [" + role + "]",
                "akka.cluster.jmx.enabled = off",
                // few shards for a few sessions; rebalance soon after a node joins
                "akka.cluster.sharding.number-of-shards = 12",
                "akka.cluster.sharding.rebalance-interval = 2s",
                // the tests run several nodes in one JVM: leaving must not exit it
                "akka.coordinated-shutdown.exit-jvm = off",
                "akka.coordinated-shutdown.run-by-jvm-shutdown-hook = off",
                // a node that stops waits at most 5 s per shutdown phase (hand-off, leave, exit), not 10-20 s
                "akka.coordinated-shutdown.default-phase-timeout = 5s",
                "akka.log-dead-letters = off",
                "akka.log-dead-letters-during-shutdown = off"))
                .withFallback(ConfigFactory.load());
    }

    /** The first node: the front end's, with the session store; it forms the cluster by joining itself. */
    public static ClusterNode front() {
        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "wirelab", config("front"));
        Cluster.get(system).manager().tell(Join.create(Cluster.get(system).selfMember().address()));
        ActorRef<SessionStore.Command> store = spawn(system, SessionStore.create(), "session-store");
        initSharding(system, store);
        return new ClusterNode(system, store);
    }

    /** A node that hosts sessions, joining the cluster through {@code seed} (the front node's address). */
    public static ClusterNode entities(Address seed) {
        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "wirelab", config(ENTITIES));
        Cluster.get(system).manager().tell(Join.create(seed));
        ActorRef<SessionStore.Command> store = findStore(system, Duration.ofSeconds(30));
        initSharding(system, store);
        return new ClusterNode(system, store);
    }

    /** Sessions live on entity nodes only; every node (the front one too) can send to them. */
    private static void initSharding(ActorSystem<Void> system, ActorRef<SessionStore.Command> store) {
        ClusterSharding.get(system).init(Entity.of(SessionEntity.TYPE, ctx -> SessionEntity.create(ctx.getEntityId(), store))
                .withRole(ENTITIES)
                .withStopMessage(SessionEntity.Handoff.INSTANCE));
    }

    /** Spawns a top-level actor in a system whose guardian does nothing (a system actor, for the lab's few services). */
    private static <T> ActorRef<T> spawn(ActorSystem<Void> system, akka.actor.typed.Behavior<T> behavior, String name) {
        CompletionStage<ActorRef<T>> spawned = AskPattern.ask(system.systemActorOf(
                akka.actor.typed.SpawnProtocol.create(), name + "-spawner", akka.actor.typed.Props.empty()),
                replyTo -> new akka.actor.typed.SpawnProtocol.Spawn<>(behavior, name, akka.actor.typed.Props.empty(), replyTo),
                Duration.ofSeconds(5), system.scheduler());
        return await(spawned, Duration.ofSeconds(5));
    }

    /** Asks the cluster's receptionist until the store is listed: entries spread by gossip, so a new node waits a moment. */
    private static ActorRef<SessionStore.Command> findStore(ActorSystem<Void> system, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            Receptionist.Listing listing = await(AskPattern.ask(system.receptionist(),
                    replyTo -> Receptionist.find(SessionStore.KEY, replyTo), Duration.ofSeconds(3), system.scheduler()),
                    Duration.ofSeconds(5));
            Optional<ActorRef<SessionStore.Command>> store = listing.getServiceInstances(SessionStore.KEY).stream().findFirst();
            if (store.isPresent()) {
                return store.get();
            }
            sleep(100);
        }
        throw new IllegalStateException("no session store in the cluster after " + patience.toSeconds() + " s: is the front node up?");
    }

    public Address address() {
        return Cluster.get(system).selfMember().address();
    }

    /** The address as {@code host:port}, the way a {@link SessionEntity.Reply} names its node. */
    public String hostPort() {
        return address().hostPort();
    }

    public ActorSystem<Void> system() {
        return system;
    }

    public ActorRef<SessionStore.Command> store() {
        return store;
    }

    /** A reference to a session by id: where it lives is sharding's business. */
    public EntityRef<SessionEntity.Command> session(String id) {
        return ClusterSharding.get(system).entityRefFor(SessionEntity.TYPE, id);
    }

    /** Sends to a session and waits for its reply. */
    public SessionEntity.Reply ask(String sessionId, java.util.function.Function<ActorRef<SessionEntity.Reply>, SessionEntity.Command> message) {
        return await(session(sessionId).ask(message::apply, Duration.ofSeconds(10)), Duration.ofSeconds(15));
    }

    /** Waits until this node sees {@code members} members, all Up. */
    public void awaitMembersUp(int members, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            List<akka.cluster.Member> up = java.util.stream.StreamSupport.stream(
                    Cluster.get(system).state().getMembers().spliterator(), false)
                    .filter(m -> m.status() == MemberStatus.up()).toList();
            if (up.size() == members) {
                return;
            }
            sleep(100);
        }
        throw new IllegalStateException("the cluster did not reach " + members + " members up within " + patience.toSeconds() + " s");
    }

    /** Leaves the cluster gracefully: shards hand off (their entities get Handoff), then the system stops. */
    public void leave(Duration patience) {
        Cluster.get(system).manager().tell(Leave.create(address()));
        await(system.getWhenTerminated(), patience);
    }

    @Override
    public void close() {
        system.terminate();
        try {
            system.getWhenTerminated().toCompletableFuture().get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            // best effort: the JVM's end stops what is left
        }
    }

    static <T> T await(CompletionStage<T> stage, Duration patience) {
        try {
            return stage.toCompletableFuture().get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
