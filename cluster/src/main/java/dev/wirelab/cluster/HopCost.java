package dev.wirelab.cluster;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

import akka.actor.typed.ActorRef;
import akka.actor.typed.javadsl.AskPattern;

/**
 * What the remote hop costs: the same session behaviour asked the same question, once as a
 * local actor on the front node and once as a sharded entity on another node.
 *
 * <p>The two are asked in turn, one round trip at a time, so that whatever else the machine
 * does falls on both alike. A local ask is a message in a mailbox and a thread wake-up; a
 * remote one adds Java serialization of the message, a TCP write and read over loopback
 * (Artery), deserialization, the same back for the reply, and the shard region's routing.
 * On one machine there is no wire; between machines add the network's round trip on top.
 *
 * @param rounds       round trips measured of each kind
 * @param localMicros  local p50 and p99, microseconds
 * @param remoteMicros remote p50 and p99, microseconds
 */
public record HopCost(int rounds, double[] localMicros, double[] remoteMicros) {

    /** Remote p50 over local p50. */
    public double ratio() {
        return remoteMicros[0] / localMicros[0];
    }

    public String describe() {
        return String.format(Locale.ROOT, "%,d round trips each: local actor p50 %.1f µs, p99 %.1f µs; "
                        + "sharded entity on another node p50 %.1f µs, p99 %.1f µs; remote/local = %.1f×",
                rounds, localMicros[0], localMicros[1], remoteMicros[0], remoteMicros[1], ratio());
    }

    /** Measures from {@code front}, against a session that lives on an entity node. */
    public static HopCost measure(ClusterNode front, int warmup, int rounds) {
        ActorRef<SessionEntity.Command> local = front.system().systemActorOf(
                SessionEntity.create("hop-local", front.store()), "hop-local", akka.actor.typed.Props.empty());
        String remote = "hop-remote";
        askLocal(front, local, replyTo -> new SessionEntity.Login("hop", replyTo));
        front.ask(remote, replyTo -> new SessionEntity.Login("hop", replyTo));
        long[] localNanos = new long[rounds];
        long[] remoteNanos = new long[rounds];
        for (int i = -warmup; i < rounds; i++) {
            long t0 = System.nanoTime();
            askLocal(front, local, replyTo -> new SessionEntity.Echo("ping", replyTo));
            long t1 = System.nanoTime();
            front.ask(remote, replyTo -> new SessionEntity.Echo("ping", replyTo));
            long t2 = System.nanoTime();
            if (i >= 0) {
                localNanos[i] = t1 - t0;
                remoteNanos[i] = t2 - t1;
            }
        }
        return new HopCost(rounds, percentiles(localNanos), percentiles(remoteNanos));
    }

    private static SessionEntity.Reply askLocal(ClusterNode node, ActorRef<SessionEntity.Command> local,
                                                akka.japi.function.Function<ActorRef<SessionEntity.Reply>, SessionEntity.Command> message) {
        return ClusterNode.await(AskPattern.ask(local, message, Duration.ofSeconds(10), node.system().scheduler()),
                Duration.ofSeconds(15));
    }

    private static double[] percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new double[] {sorted[sorted.length / 2] / 1e3, sorted[(int) (sorted.length * 0.99)] / 1e3};
    }

    /** {@code java ... dev.wirelab.cluster.HopCost [rounds]}: three nodes on loopback, the measurement, the figures. */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        try (ClusterNode front = ClusterNode.front();
             ClusterNode a = ClusterNode.entities(front.address());
             ClusterNode b = ClusterNode.entities(front.address())) {
            front.awaitMembersUp(3, Duration.ofSeconds(30));
            System.out.println(measure(front, Math.min(rounds, 2_000), rounds).describe());
        }
    }
}
