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
 * <p>Two ways to read ({@code read=} option):
 * <pre>
 *   pull  (default)  ResumeReading ──▶ socket actor ──Received──▶ us          one read per request: the
 *                                                                           strict memory bound
 *   push             socket actor ──Received, Received, ...──▶ us          reads come unasked, in batches;
 *                     only near the bound:  SuspendReading ──▶ socket actor  ResumeReading once drained
 * </pre>
 * Push reads save the {@code ResumeReading} of every echo. What they give up is the strict bound:
 * every read the socket actor made before our {@code SuspendReading} reached it still arrives, and
 * when the connection actor runs behind (it shares the dispatcher with the socket actor) that can
 * be many reads. The actor suspends two reads early; a slow peer still found it 1 to 272 reads of
 * 4 KiB over the bound in eight runs. So push reads are a variant to measure, never the default.
 * Push reads with NACK writes are refused outright: a NACK writer learns that the socket is full
 * only from a refusal, and in push mode that refusal arrives behind every read made meanwhile.
 * Tried once against the slow-reader test, the pair held 880 KiB against an 80 KiB bound.
 *
 * <p>{@link #takenBack} is what makes NACK writing honest in the metrics: a NACK write counts
 * its bytes as written when it is handed over, so a refused one must be taken back until it
 * is written again ({@link AkkaEchoServer#metrics()} subtracts it).
 */
final class ActorTraffic {

    enum WriteMode { ACK, NACK }

    enum ReadMode { PULL, PUSH }

    static final String WRITE_OPTION = "write";
    static final String READ_OPTION = "read";

    final LongAdder eventsIn = new LongAdder();
    final LongAdder commandsOut = new LongAdder();
    /** Bytes counted as written, then refused by the socket actor and not yet written again. */
    final LongAdder takenBack = new LongAdder();

    private final WriteMode writeMode;
    private final ReadMode readMode;

    ActorTraffic(WriteMode writeMode, ReadMode readMode) {
        this.writeMode = writeMode;
        this.readMode = readMode;
    }

    /** The server's options: {@code write=ack|nack} and {@code read=pull|push}; anything else is an error. */
    static ActorTraffic from(Map<String, String> options) {
        TreeSet<String> unknown = new TreeSet<>(options.keySet());
        unknown.remove(WRITE_OPTION);
        unknown.remove(READ_OPTION);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("the akka server knows only the options write=ack|nack and read=pull|push, got "
                    + unknown);
        }
        WriteMode write = switch (options.getOrDefault(WRITE_OPTION, "ack")) {
            case "ack" -> WriteMode.ACK;
            case "nack" -> WriteMode.NACK;
            default -> throw new IllegalArgumentException("akka: option write=" + options.get(WRITE_OPTION) + " must be ack or nack");
        };
        ReadMode read = switch (options.getOrDefault(READ_OPTION, "pull")) {
            case "pull" -> ReadMode.PULL;
            case "push" -> ReadMode.PUSH;
            default -> throw new IllegalArgumentException("akka: option read=" + options.get(READ_OPTION) + " must be pull or push");
        };
        if (write == WriteMode.NACK && read == ReadMode.PUSH) {
            // NACK writes learn of a full socket only from a refusal, and with push reads that
            // refusal arrives behind any number of reads made since: nothing bounds what piles up.
            throw new IllegalArgumentException("akka: write=nack cannot be combined with read=push (a refused write comes back "
                    + "behind the reads made since, so nothing bounds the bytes held); use write=nack with read=pull, "
                    + "or read=push with write=ack");
        }
        return new ActorTraffic(write, read);
    }

    WriteMode writeMode() {
        return writeMode;
    }

    ReadMode readMode() {
        return readMode;
    }
}
