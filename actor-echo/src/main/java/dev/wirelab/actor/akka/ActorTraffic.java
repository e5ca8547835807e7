package dev.wirelab.actor.akka;

import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.LongAdder;

/**
 * How the connection actors talk to their socket actors, and what that costs in messages.
 *
 * <p>Two ways to write through Akka's TCP extension ({@code write=} option):
 * <pre>
 *   ack   (default)  Write(data, Written) ──▶ socket actor ──Written──▶ us      one write in flight; the
 *                                                                             ack says the kernel has it
 *   nack             Write(data, NoAck)  ──▶ socket actor                    no ack: written and forgotten;
 *                     only when the socket cannot take it: ◀──CommandFailed   we keep it, send ResumeWriting,
 *                                                         ◀──WritingResumed   and write it again after this
 * </pre>
 *
 * <p>Per echo of one small message, with pull-mode reads, the connection actor handles:
 * {@code Received} in, {@code Write} out, {@code ResumeReading} out, and in ack mode a
 * {@code Written} in — 4 messages, 3 with NACK writes. The socket actor adds one more
 * ({@code ChannelReadable} from the selector). {@link #eventsIn} and {@link #commandsOut}
 * count the connection actors' side, so a test can pin these numbers down.
 *
 * <p>{@link #takenBack} is what makes NACK writing honest in the metrics: a NACK write counts
 * its bytes as written when it is handed over, so a refused one must be taken back until it
 * is written again ({@link AkkaEchoServer#metrics()} subtracts it).
 */
final class ActorTraffic {

    enum WriteMode { ACK, NACK }

    static final String WRITE_OPTION = "write";

    final LongAdder eventsIn = new LongAdder();
    final LongAdder commandsOut = new LongAdder();
    /** Bytes counted as written, then refused by the socket actor and not yet written again. */
    final LongAdder takenBack = new LongAdder();

    private final WriteMode writeMode;

    ActorTraffic(WriteMode writeMode) {
        this.writeMode = writeMode;
    }

    WriteMode writeMode() {
        return writeMode;
    }

    /** Reads the server's options: only {@code write=ack|nack}; anything else is an error. */
    static WriteMode writeMode(Map<String, String> options) {
        TreeSet<String> unknown = new TreeSet<>(options.keySet());
        unknown.remove(WRITE_OPTION);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("the akka server knows only the option write=ack|nack, got " + unknown);
        }
        return switch (options.getOrDefault(WRITE_OPTION, "ack")) {
            case "ack" -> WriteMode.ACK;
            case "nack" -> WriteMode.NACK;
            default -> throw new IllegalArgumentException("akka: option write=" + options.get(WRITE_OPTION) + " must be ack or nack");
        };
    }
}
