package dev.wirelab.actor.akka;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

import dev.wirelab.core.echo.EchoConfig;

/**
 * The Akka configuration of one echo server, built in code from its {@link EchoConfig}.
 *
 * <p>Akka is normally configured by an {@code application.conf} on the class path. The lab
 * builds the configuration here instead, so that every setting that shapes a measurement is
 * in one readable place and no stray file on a student's class path changes a figure:
 *
 * <ul>
 *   <li><b>Quiet.</b> Akka logs through SLF4J; below {@code WARNING} nothing is passed on,
 *       and nothing is printed to stdout while the system starts or stops.</li>
 *   <li><b>Local only.</b> {@code provider = local}: no remoting, no cluster, no serialization
 *       of messages; actors talk through in-memory mailboxes.</li>
 *   <li><b>Small.</b> Out of the box Akka sizes its dispatchers for a big machine (at least
 *       8 default threads plus an internal pool). Here the actors, the TCP connection actors
 *       and Akka's own housekeeping share one fork-join pool of {@code ioThreads} threads
 *       (the core count by default: 2 on the lab machine); only the TCP selector has its own
 *       pinned thread, because it blocks in {@code select()}.</li>
 *   <li><b>Bounded reads.</b> {@code direct-buffer-size} is the most one socket read hands
 *       to an actor; setting it to {@code readBufferSize} is what makes the per-connection
 *       memory bound in {@link ConnectionActor} exact. {@code max-received-message-size}, the
 *       most one read event may read in a loop, gets the same value: it matters for push-mode
 *       reads ({@code read=push}), where without it one event would read a flood at once.</li>
 * </ul>
 */
final class AkkaSettings {

    private AkkaSettings() {
    }

    /** The configuration for one server's actor system, with Akka's reference settings underneath. */
    static Config forEcho(EchoConfig echo) {
        int threads = echo.ioThreadsOrCores();
        String text = """
                akka {
                  loglevel = "WARNING"
                  stdout-loglevel = "OFF"
                  log-dead-letters = off
                  log-dead-letters-during-shutdown = off
                  jvm-shutdown-hooks = off
                  coordinated-shutdown.run-by-jvm-shutdown-hook = off
                  actor {
                    provider = "local"
                    default-dispatcher {
                      executor = "fork-join-executor"
                      fork-join-executor {
                        parallelism-min = %d
                        parallelism-max = %d
                        parallelism-factor = 1.0
                      }
                    }
                    # Akka's own housekeeping actors share the same small pool.
                    internal-dispatcher = "akka.actor.default-dispatcher"
                  }
                  io.tcp {
                    direct-buffer-size = %d
                    max-received-message-size = %d
                    worker-dispatcher = "akka.actor.default-dispatcher"
                    management-dispatcher = "akka.actor.default-dispatcher"
                  }
                }
                """.formatted(threads, threads, echo.readBufferSize(), echo.readBufferSize());
        return ConfigFactory.parseString(text).withFallback(ConfigFactory.defaultReference()).resolve();
    }
}
