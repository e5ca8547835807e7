package dev.wirelab.actor.akka;

import java.nio.ByteBuffer;
import java.time.Duration;

import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Adapter;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.TimerScheduler;
import akka.io.Tcp;
import akka.io.TcpMessage;
import akka.util.ByteString;

import dev.wirelab.core.echo.EchoConfig;
import dev.wirelab.core.metrics.ConnectionMetrics;
import dev.wirelab.core.trace.MessageTrace;
import dev.wirelab.core.protocol.Outgoing;
import dev.wirelab.core.protocol.Session;

/**
 * One actor per TCP connection: it owns the socket and echoes every byte back, in order,
 * without ever holding more than {@code maxPendingWriteBytes} of it.
 *
 * <h2>Who owns the socket</h2>
 * Akka's TCP extension gives every accepted socket its own (classic) connection actor,
 * {@link #socket}; this actor is the one and only <em>handler</em> registered with it. All
 * events from the socket ({@code Received}, write acknowledgements, close events) arrive
 * through a message adapter wrapped in {@link FromTcp}, so the actor's protocol stays one
 * sealed type. The socket actor watches the handler: if this actor stops for any reason,
 * including a failure, the socket actor stops too and closes the channel (a death pact).
 *
 * <h2>Flow control, both ways</h2>
 * <pre>
 *   peer ──bytes──▶ [socket actor] ──Received──▶ [ConnectionActor] ──Write(ack)──▶ [socket actor] ──▶ peer
 *                        ▲                           │   ▲                        │
 *                        └──────ResumeReading────────┘   └─────────Written────────┘
 * </pre>
 * <ul>
 *   <li><b>Reading is pulled.</b> The listener binds in pull mode, so the socket actor reads
 *       once (at most {@code readBufferSize} bytes) per {@code ResumeReading} and then waits.
 *       This actor asks for the next read only while what it holds, plus one more read, stays
 *       within {@code maxPendingWriteBytes}. A peer that stops reading stops getting its
 *       writes acknowledged, so this actor stops asking, the kernel's receive buffer fills,
 *       and TCP's own window pushes back on the peer. Memory stays bounded.</li>
 *   <li><b>Writes are acknowledged</b> (option {@code write=ack}, the default). At most one
 *       {@code Write} is in the socket actor's hands at a time; it carries a {@link Written}
 *       event that comes back only once every byte is in the kernel. What arrives meanwhile is
 *       gathered in {@link #buffered} and sent as one write when the acknowledgement comes (a
 *       {@code ByteString} concatenation is a rope: nothing is copied).</li>
 *   <li><b>Or refused</b> ({@code write=nack}). A write of at most one read buffer goes without an
 *       acknowledgement and is forgotten: one message less per echo. If the socket actor cannot
 *       take it (its previous write is still stuck on a full socket), it sends it back in a
 *       {@code CommandFailed} and refuses every later write until asked to
 *       {@code ResumeWriting}; we keep the refused bytes in {@link #refused}, ask, and write them
 *       again, ahead of anything received since, once {@code WritingResumed} comes. Larger writes
 *       (a backlog) still go acknowledged, so we learn when they are done. The price: the socket
 *       actor may hold one unacknowledged write we no longer count, so the bound on unsent bytes
 *       becomes {@code maxPendingWriteBytes + readBufferSize}.</li>
 *   <li><b>Or pushed</b> ({@code read=push}). The socket actor reads whenever the socket is
 *       readable and sends every read unasked; this actor sends {@code SuspendReading} only when
 *       two more reads would not fit, and {@code ResumeReading} once they do again. One message
 *       less per echo; the price is the strict bound: every read the socket actor began before
 *       the suspension reached it still arrives, one read's worth of spare room covers only the
 *       first, and when this actor runs behind there are more (see {@code ActorTraffic}).</li>
 * </ul>
 *
 * <h2>Protocol states</h2>
 * {@link #open()} (echoing, reading when there is room) → {@link #flushing()} (no more input:
 * the peer half-closed, or the server is draining; write what is left) → {@link #closing()}
 * (close requested, waiting for the socket actor to confirm) → stopped.
 *
 * <p>Draining at shutdown has one subtlety: a read may already be under way. The actor sends
 * {@code SuspendReading} and then an empty write carrying {@link ReadsStopped}; the socket
 * actor answers in order, so when the fence comes back any last {@code Received} has already
 * arrived and been echoed. Only then is the socket closed.
 *
 * <p>An actor processes one message at a time, so none of these fields needs a lock or a
 * volatile: the mailbox gives each message a happens-before edge to the next.
 *
 * <p><b>Where the lab simplifies:</b> the idle clock is checked by one timer per idle period
 * rather than reset per message, and a production server would also put a ceiling on how long
 * {@link #closing()} may wait for a peer that never drains (here the idle timeout does that).
 */
final class ConnectionActor {

    /** Everything this actor understands. */
    sealed interface Command permits FromTcp, IdleCheck, Drain {
    }

    /** An event from the socket actor, delivered through the message adapter. */
    record FromTcp(Tcp.Event event) implements Command {
    }

    /** The idle timer fired: has anything moved since {@link #lastProgressNanos}? */
    record IdleCheck() implements Command {
    }

    /** The server is shutting down: stop reading, finish echoing, close. */
    record Drain() implements Command {
    }

    /** The acknowledgement a {@code Write} carries: sent back once its bytes are in the kernel. */
    record Written(int bytes) implements Tcp.Event {
    }

    /**
     * The acknowledgement of an empty write sent after {@code SuspendReading}: the socket actor
     * handles its messages in order and its events reach us in order, so once this arrives no
     * {@code Received} can still be on its way (a fence).
     */
    record ReadsStopped() implements Tcp.Event {
    }

    /**
     * A look at every chunk as it arrives, before it is echoed. <b>Test seam only</b>: the
     * supervision test installs one that throws, to show a failing connection actor being
     * stopped and counted while the others keep serving. Production code uses {@link #NONE}.
     */
    @FunctionalInterface
    interface ReceiveHook {
        ReceiveHook NONE = data -> { };

        void inspect(ByteString data);
    }

    private static final Object IDLE_TIMER = "idle";

    private final ActorContext<Command> context;
    private final TimerScheduler<Command> timers;
    private final akka.actor.ActorRef socket;
    private final akka.actor.ActorRef tcpEvents;
    private final EchoConfig config;
    private final ConnectionMetrics metrics;
    private final ReceiveHook hook;
    private final ActorTraffic traffic;
    private final boolean nack;
    /** Push-mode reads ({@code read=push}): the socket actor reads unasked until told to suspend. */
    private final boolean push;
    /** What this connection speaks (echo, HTTP): the actor moves bytes, the session answers. */
    private final Session session;
    private final Outgoing out = new Outgoing();

    /** Received bytes not yet handed to the socket actor. */
    private ByteString buffered = ByteString.emptyByteString();
    /** Bytes of the one write the socket actor holds; 0 when no write is in flight. */
    private int inFlight;
    /**
     * A {@code Received} (or EOF) may still come: in pull mode, a {@code ResumeReading} is
     * outstanding; in push mode, reading has not been fenced off yet.
     */
    private boolean readRequested;
    /** Push mode: we sent {@code SuspendReading} and have not resumed. */
    private boolean readsSuspended;
    /** Draining: a {@link ReadsStopped} fence must be sent once no write is in flight. */
    private boolean fenceOwed;
    /** NACK writes: the socket actor refused a write and refuses all until {@code WritingResumed}. */
    private boolean writingSuspended;
    /** NACK writes: refused bytes, in order, to be written again before {@link #buffered}. */
    private ByteString refused = ByteString.emptyByteString();
    /** NACK writes: bytes counted as written when they left, then refused, and not yet written again. */
    private long takenBack;
    private long lastProgressNanos = System.nanoTime();

    private ConnectionActor(ActorContext<Command> context, TimerScheduler<Command> timers, akka.actor.ActorRef socket,
                            Session session, EchoConfig config, ConnectionMetrics metrics, ActorTraffic traffic,
                            ReceiveHook hook) {
        this.session = session;
        this.context = context;
        this.timers = timers;
        this.socket = socket;
        this.config = config;
        this.metrics = metrics;
        this.hook = hook;
        this.traffic = traffic;
        this.nack = traffic.writeMode() == ActorTraffic.WriteMode.NACK;
        this.push = traffic.readMode() == ActorTraffic.ReadMode.PUSH;
        this.tcpEvents = Adapter.toClassic(context.messageAdapter(Tcp.Event.class, FromTcp::new));
    }

    /**
     * A handler for the accepted socket actor {@code socket}: it registers itself, asks for
     * the first read and starts the idle clock.
     */
    static Behavior<Command> create(akka.actor.ActorRef socket, Session session, EchoConfig config, ConnectionMetrics metrics,
                                    ActorTraffic traffic, ReceiveHook hook) {
        return Behaviors.setup(context -> Behaviors.withTimers(timers ->
                new ConnectionActor(context, timers, socket, session, config, metrics, traffic, hook).start()));
    }

    private Behavior<Command> start() {
        // keepOpenOnPeerClosed: a half-close (peer's FIN) must not stop us echoing what we hold.
        command(TcpMessage.register(tcpEvents, true, false));
        MessageTrace.note("connection", "tcp", "Register(self, keepOpenOnPeerClosed)");
        armIdleTimer(config.idleTimeout());
        if (push) {
            readRequested = true;   // the socket actor starts reading as soon as it is registered
        } else {
            requestReadIfRoom();
        }
        return open();
    }

    // ---------------------------------------------------------------- protocol states

    /** Echoing: reads are requested whenever there is room for one more. */
    private Behavior<Command> open() {
        return Behaviors.receive(Command.class)
                .onMessage(FromTcp.class, message -> onTcpEvent(message.event(), true))
                .onMessage(IdleCheck.class, message -> onIdleCheck())
                .onMessage(Drain.class, message -> onDrain())
                .build();
    }

    /** No more input will be read; echo what is left, then close. */
    private Behavior<Command> flushing() {
        return Behaviors.receive(Command.class)
                .onMessage(FromTcp.class, message -> onTcpEvent(message.event(), false))
                .onMessage(IdleCheck.class, message -> onIdleCheck())
                .onMessage(Drain.class, message -> Behaviors.same())
                .build();
    }

    /** Close requested; the socket actor confirms with a {@code ConnectionClosed} event. */
    private Behavior<Command> closing() {
        return Behaviors.receive(Command.class)
                .onMessage(FromTcp.class, message -> {
                    traffic.eventsIn.increment();
                    return message.event() instanceof Tcp.ConnectionClosed ? Behaviors.stopped() : Behaviors.<Command>same();
                })
                .onMessage(IdleCheck.class, message -> abortStuckClose())
                .onMessage(Drain.class, message -> Behaviors.same())
                .build();
    }

    // ---------------------------------------------------------------- events

    private Behavior<Command> onTcpEvent(Tcp.Event event, boolean reading) {
        traffic.eventsIn.increment();
        if (MessageTrace.on()) {
            MessageTrace.note("tcp", "connection", describe(event));
        }
        return switch (event) {
            case Tcp.Received received -> onReceived(received.data(), reading);
            case Written written -> onWritten(written, reading);
            case Tcp.CommandFailed failed when nack && failed.cmd() instanceof Tcp.Write write -> onRefused(write);
            case Tcp.WritingResumed resumed -> onWritingResumed(reading);
            case ReadsStopped fence -> {
                readRequested = false;
                yield closeIfFlushed();
            }
            case Tcp.ConnectionClosed closed when closed.isPeerClosed() -> {
                // The peer sent FIN: nothing more will come, but it still reads what we owe it.
                readRequested = false;
                session.onEndOfInput(out);
                queueReplies();
                out.clear();
                writeBufferedIfIdle();
                yield startFlushing();
            }
            case Tcp.ConnectionClosed closed -> {
                // Reset, broken pipe, or an abort we did not ask for: the socket is gone.
                if (closed.isErrorClosed()) {
                    metrics.errors().increment();
                }
                yield Behaviors.stopped();
            }
            case Tcp.CommandFailed failed -> {
                // Only one write is ever in flight, so this means the socket broke under us.
                metrics.errors().increment();
                command(TcpMessage.abort());
                yield closing();
            }
            default -> Behaviors.same();
        };
    }

    private Behavior<Command> onReceived(ByteString data, boolean reading) {
        hook.inspect(data);
        metrics.bytesRead().add(data.size());
        lastProgressNanos = System.nanoTime();
        if (!push) {
            readRequested = false;  // that was the one read we asked for
        }

        // Let the protocol answer. Echo forwards its input, so the ByteString itself is queued: no copy.
        ByteBuffer view = data.asByteBuffer();
        session.onInput(view, out);
        if (out.forwards(view)) {
            buffered = buffered.concat(data);
        } else {
            queueReplies();
        }
        out.clear();
        // Queue the bytes behind any write in flight; send them now if the socket is free.
        writeBufferedIfIdle();
        if (session.closeAfterOutput()) {
            if (reading) {
                stopReading();
            }
            return startFlushing(); // the protocol is done with this peer: read no more, send what is owed, close
        }
        if (reading) {
            if (push) {
                suspendIfFull();
            } else {
                requestReadIfRoom();
            }
        }
        return Behaviors.same();
    }

    /** A protocol's own buffers are reused after this message, so their bytes are copied into ByteStrings. */
    private void queueReplies() {
        for (int i = 0; i < out.count(); i++) {
            buffered = buffered.concat(ByteString.fromByteBuffer(out.get(i)));
        }
    }

    private Behavior<Command> onWritten(Written written, boolean reading) {
        if (!nack) {
            metrics.bytesWritten().add(written.bytes());   // NACK mode counted them when they left
        }
        lastProgressNanos = System.nanoTime();
        inFlight = 0;

        return afterWriteProgress(reading);
    }

    /**
     * NACK writes: the socket actor gave a write back. Keep its bytes, in order, ahead of what was
     * received since (pull-mode reads guarantee the refusal arrives before any later read), and
     * ask once to resume.
     */
    private Behavior<Command> onRefused(Tcp.Write write) {
        if (write.ack() instanceof ReadsStopped) {
            fenceOwed = true;                       // the fence was refused: send it again after resuming
        } else {
            if (write.ack() instanceof Written) {
                inFlight = 0;                       // an acknowledged write refused: no longer in flight
            }
            refused = refused.concat(write.data());
            takenBack += write.data().size();
            traffic.takenBack.add(write.data().size());
        }
        if (!writingSuspended) {
            writingSuspended = true;
            command(TcpMessage.resumeWriting());
        }
        return Behaviors.same();
    }

    /** NACK writes: the stuck write is done; write the refused bytes and what came after them. */
    private Behavior<Command> onWritingResumed(boolean reading) {
        writingSuspended = false;
        buffered = refused.concat(buffered);
        refused = ByteString.emptyByteString();
        lastProgressNanos = System.nanoTime();
        return afterWriteProgress(reading);
    }

    /**
     * The socket took bytes: send a fence or the next write if one is owed, then read again if
     * there is room, or close once everything owed is written.
     */
    private Behavior<Command> afterWriteProgress(boolean reading) {
        sendFenceIfOwed();
        writeBufferedIfIdle();
        if (reading) {
            requestReadIfRoom();
            return Behaviors.same();
        }
        return closeIfFlushed();
    }

    private Behavior<Command> onIdleCheck() {
        long idleNanos = System.nanoTime() - lastProgressNanos;
        long limitNanos = config.idleTimeout().toNanos();
        if (idleNanos < limitNanos) {
            // Something moved since the timer was set: sleep for the rest of the period.
            armIdleTimer(Duration.ofNanos(limitNanos - idleNanos));
            return Behaviors.same();
        }
        metrics.idleTimeouts().increment();
        // A clean FIN when no write is stuck; a reset when one is stuck on a peer that stopped
        // reading (a graceful close would wait for that write forever).
        command(inFlight == 0 && !writingSuspended ? TcpMessage.close() : TcpMessage.abort());
        return closing();
    }

    private Behavior<Command> onDrain() {
        stopReading();
        return startFlushing();
    }

    /**
     * No more reads: if one may still be under way, suspend reading and fence it, so that its
     * {@code Received} is echoed before the socket is closed.
     */
    private void stopReading() {
        if (!readRequested) {
            return;
        }
        if (!push || !readsSuspended) {
            command(TcpMessage.suspendReading());
            readsSuspended = true;
        }
        fenceOwed = true;
        sendFenceIfOwed();
    }

    private Behavior<Command> abortStuckClose() {
        command(TcpMessage.abort());
        return Behaviors.same();
    }

    // ---------------------------------------------------------------- helpers

    private Behavior<Command> startFlushing() {
        return nothingOwed() ? closeNow() : flushing();
    }

    private Behavior<Command> closeIfFlushed() {
        return nothingOwed() ? closeNow() : Behaviors.same();
    }

    private Behavior<Command> closeNow() {
        command(TcpMessage.close());
        return closing();
    }

    private boolean nothingOwed() {
        return inFlight == 0 && buffered.isEmpty() && !readRequested && refused.isEmpty() && !writingSuspended;
    }

    /** An empty write holds no slot: the socket actor acknowledges it at once, in order. */
    private void sendFenceIfOwed() {
        if (fenceOwed && inFlight == 0 && !writingSuspended) {
            fenceOwed = false;
            command(TcpMessage.write(ByteString.emptyByteString(), new ReadsStopped()));
        }
    }

    private void writeBufferedIfIdle() {
        if (inFlight > 0 || writingSuspended || buffered.isEmpty()) {
            return;
        }
        if (nack) {
            countWritten(buffered.size());
        }
        if (nack && buffered.size() <= config.readBufferSize()) {
            command(TcpMessage.write(buffered));    // NoAck: forgotten unless refused
            if (MessageTrace.on()) {
                MessageTrace.note("connection", "tcp", "Write(" + buffered.size() + " B, NoAck)");
            }
        } else {
            inFlight = buffered.size();
            command(TcpMessage.write(buffered, new Written(inFlight)));
            if (MessageTrace.on()) {
                MessageTrace.note("connection", "tcp", "Write(" + inFlight + " B, ack=Written)");
            }
        }
        buffered = ByteString.emptyByteString();
    }

    /** NACK writes count bytes as they leave; bytes written again after a refusal were counted already. */
    private void countWritten(int bytes) {
        long again = Math.min(bytes, takenBack);
        takenBack -= again;
        traffic.takenBack.add(-again);
        metrics.bytesWritten().add(bytes - again);
    }

    /** Every command to the socket actor goes through here, so {@link ActorTraffic} can count it. */
    private void command(Object message) {
        traffic.commandsOut.increment();
        socket.tell(message, tcpEvents);
    }

    /**
     * The backpressure rule: read again only if one more full read still fits the bound. In push
     * mode, resume a suspended socket once two more reads fit (see {@link #suspendIfFull}).
     */
    private void requestReadIfRoom() {
        long held = held();
        if (push) {
            if (readsSuspended && readRequested && (held == 0 || held + 2L * config.readBufferSize() <= config.maxPendingWriteBytes())) {
                readsSuspended = false;
                command(TcpMessage.resumeReading());
                MessageTrace.note("connection", "tcp", "ResumeReading  [push mode: reads flow again]");
            }
            return;
        }
        if (!readRequested && held + config.readBufferSize() <= config.maxPendingWriteBytes()) {
            readRequested = true;
            command(TcpMessage.resumeReading());
            MessageTrace.note("connection", "tcp", "ResumeReading");
        }
    }

    /**
     * Push mode: suspend reading while two more reads would not fit. Two, not one: a read the
     * socket actor started before our {@code SuspendReading} reached it still arrives.
     */
    private void suspendIfFull() {
        long held = held();
        if (!readsSuspended && held > 0 && held + 2L * config.readBufferSize() > config.maxPendingWriteBytes()) {
            readsSuspended = true;
            command(TcpMessage.suspendReading());
            MessageTrace.note("connection", "tcp", "SuspendReading  [push mode: near the bound]");
        }
    }

    /** Bytes this connection has read and not yet seen written: in flight, buffered, refused. */
    private long held() {
        return (long) inFlight + buffered.size() + refused.size();
    }

    private void armIdleTimer(Duration delay) {
        if (!config.idleTimeout().isZero()) {
            timers.startSingleTimer(IDLE_TIMER, new IdleCheck(), delay);
        }
    }

    /** A TCP event as a trace shows it: its type, and the size of any bytes it carries. */
    private static String describe(Tcp.Event event) {
        return switch (event) {
            case Tcp.Received received -> "Received(" + received.data().size() + " B)";
            case Written written -> "Written(" + written.bytes() + " B)  [the write's ack]";
            case ReadsStopped fence -> "ReadsStopped  [fence]";
            default -> event.getClass().getSimpleName();
        };
    }

    @Override
    public String toString() {
        return "ConnectionActor[" + context.getSelf().path().name() + "]";
    }
}
