package dev.wirelab.actor.akka;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import akka.actor.typed.ActorSystem;

import dev.wirelab.core.echo.EchoConfig;
import dev.wirelab.core.echo.EchoServer;
import dev.wirelab.core.metrics.ConnectionMetrics;

/**
 * The actor-model echo server (the actix analog): one Akka Typed actor system per server, a
 * {@link Listener} actor as its guardian, and one {@link ConnectionActor} per socket.
 *
 * <pre>
 *   ActorSystem "wirelab-akka-N"
 *   └── Listener (guardian)          binds, accepts one at a time, counts, supervises
 *       ├── accept-bridge (classic)  turns the TCP extension's events into Listener messages
 *       ├── connection-0             owns one socket: reads when there is room, writes with acks
 *       ├── connection-1
 *       └── ...
 * </pre>
 *
 * <p>This class is the bridge between the caller's thread and the actors: {@link #start}
 * blocks until the listener reports the bound address, and {@link #shutdown} tells the
 * listener to drain and then waits for the actor system to terminate, which it does by itself
 * once its guardian (the listener) has stopped.
 */
public final class AkkaEchoServer implements EchoServer {

    /** How long {@link #start} waits for the bind to be answered. */
    private static final Duration BIND_TIMEOUT = Duration.ofSeconds(10);
    /** After a missed deadline, how long the forced termination may take. */
    private static final Duration FORCED_STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final ActorSystem<Listener.Command> system;
    private final InetSocketAddress localAddress;
    private final ConnectionMetrics metrics;
    private final ActorTraffic traffic;
    private final int threads;

    private AkkaEchoServer(ActorSystem<Listener.Command> system, InetSocketAddress localAddress,
                           ConnectionMetrics metrics, ActorTraffic traffic, int threads) {
        this.system = system;
        this.localAddress = localAddress;
        this.metrics = metrics;
        this.traffic = traffic;
        this.threads = threads;
    }

    /** Binds and starts serving; returns once the port is bound. */
    public static AkkaEchoServer start(EchoConfig config) throws IOException {
        return start(config, ConnectionActor.ReceiveHook.NONE);
    }

    /** Test seam: {@code hook} sees every received chunk inside its connection actor. */
    static AkkaEchoServer start(EchoConfig config, ConnectionActor.ReceiveHook hook) throws IOException {
        var traffic = ActorTraffic.from(config.options());
        var metrics = new ConnectionMetrics();
        var bound = new CompletableFuture<InetSocketAddress>();
        // One system per server, with a name of its own: two servers in one JVM share nothing.
        String name = "wirelab-akka-" + INSTANCES.incrementAndGet();
        ActorSystem<Listener.Command> system =
                ActorSystem.create(Listener.create(config, metrics, traffic, bound, hook), name, AkkaSettings.forEcho(config));
        return new AkkaEchoServer(system, awaitBound(system, bound), metrics, traffic, config.ioThreadsOrCores());
    }

    private static InetSocketAddress awaitBound(ActorSystem<?> system, CompletableFuture<InetSocketAddress> bound)
            throws IOException {
        try {
            return bound.get(BIND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            terminateQuietly(system);
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (TimeoutException e) {
            terminateQuietly(system);
            throw new IOException("the listener did not report a bound port within " + BIND_TIMEOUT, e);
        } catch (InterruptedException e) {
            terminateQuietly(system);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the bind", e);
        }
    }

    private static void terminateQuietly(ActorSystem<?> system) {
        system.terminate();
    }

    @Override
    public String name() {
        return AkkaEchoServerProvider.NAME;
    }

    @Override
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    @Override
    public ConnectionMetrics.Snapshot metrics() {
        ConnectionMetrics.Snapshot m = metrics.snapshot();
        long takenBack = traffic.takenBack.sum();
        if (takenBack == 0) {
            return m;
        }
        // NACK writes: bytes the socket actor refused are not written, whatever was counted when they left.
        return new ConnectionMetrics.Snapshot(m.accepted(), m.refused(), m.closed(), m.idleTimeouts(), m.errors(),
                m.active(), m.peakActive(), m.bytesRead(), m.bytesWritten() - takenBack);
    }

    /** Messages the connection actors received from and sent to their socket actors so far. */
    long[] actorMessages() {
        return new long[] {traffic.eventsIn.sum(), traffic.commandsOut.sum()};
    }

    @Override
    public String details() {
        return "akka=" + system.settings().config().getString("akka.version") + ", dispatcher threads=" + threads
                + (traffic.readMode() == ActorTraffic.ReadMode.PULL ? ", pull-mode reads, " : ", push-mode reads, ") + (traffic.writeMode() == ActorTraffic.WriteMode.ACK ? "acked writes" : "nack writes");
    }

    @Override
    public boolean shutdown(Duration deadline) throws InterruptedException {
        // Phase 1: ask the listener to unbind and drain; the system terminates once it stops.
        system.tell(new Listener.Shutdown());
        CompletableFuture<?> terminated = system.getWhenTerminated().toCompletableFuture();
        try {
            terminated.get(Math.max(0, deadline.toMillis()), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            // Phase 2: the deadline passed; stop every actor now (socket actors abort their channels).
            system.terminate();
            awaitForcedStop(terminated);
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("the actor system failed while terminating", e.getCause());
        }
    }

    private static void awaitForcedStop(CompletableFuture<?> terminated) throws InterruptedException {
        try {
            terminated.get(FORCED_STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the actor system did not terminate within " + FORCED_STOP_TIMEOUT, e);
        }
    }

    @Override
    public String toString() {
        return "AkkaEchoServer[" + system.name() + " on " + localAddress + "]";
    }
}
