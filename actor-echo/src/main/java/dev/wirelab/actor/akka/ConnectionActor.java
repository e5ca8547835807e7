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
 *   <li><b>Writes are acknowledged.</b> At most one {@code Write} is in the socket actor's
 *       hands at a time; it carries a {@link Written} event that comes back only once every
 *       byte is in the kernel. What arrives meanwhile is gathered in {@link #buffered} and
 *       sent as one write when the acknowledgement comes (a {@code ByteString} concatenation
 *       is a rope: nothing is copied).</li>
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
    /** What this connection speaks (echo, HTTP): the actor moves bytes, the session answers. */
    private final Session session;
    private final Outgoing out = new Outgoing();

    /** Received bytes not yet handed to the socket actor. */
    private ByteString buffered = ByteString.emptyByteString();
    /** Bytes of the one write the socket actor holds; 0 when no write is in flight. */
    private int inFlight;
    /** A {@code ResumeReading} is outstanding: one {@code Received} (or EOF) may still come. */
    private boolean readRequested;
    /** Draining: a {@link ReadsStopped} fence must be sent once no write is in flight. */
    private boolean fenceOwed;
    private long lastProgressNanos = System.nanoTime();

    private ConnectionActor(ActorContext<Command> context, TimerScheduler<Command> timers, akka.actor.ActorRef socket,
                            Session session,
                       EchoConfig config, ConnectionMetrics metrics, ReceiveHook hook) {
        this.session = session;
        this.context = context;
        this.timers = timers;
        this.socket = socket;
        this.config = config;
        this.metrics = metrics;
        this.hook = hook;
        this.tcpEvents = Adapter.toClassic(context.messageAdapter(Tcp.Event.class, FromTcp::new));
    }

    /**
     * A handler for the accepted socket actor {@code socket}: it registers itself, asks for
     * the first read and starts the idle clock.
     */
    static Behavior<Command> create(akka.actor.ActorRef socket, Session session, EchoConfig config, ConnectionMetrics metrics,
                                    ReceiveHook hook) {
        return Behaviors.setup(context -> Behaviors.withTimers(timers ->
                new ConnectionActor(context, timers, socket, session, config, metrics, hook).start()));
    }

    private Behavior<Command> start() {
        // keepOpenOnPeerClosed: a half-close (peer's FIN) must not stop us echoing what we hold.
        socket.tell(TcpMessage.register(tcpEvents, true, false), tcpEvents);
        MessageTrace.note("connection", "tcp", "Register(self, keepOpenOnPeerClosed)");
        armIdleTimer(config.idleTimeout());
        requestReadIfRoom();
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
                .onMessage(FromTcp.class, message -> message.event() instanceof Tcp.ConnectionClosed
                        ? Behaviors.stopped() : Behaviors.<Command>same())
                .onMessage(IdleCheck.class, message -> abortStuckClose())
                .onMessage(Drain.class, message -> Behaviors.same())
                .build();
    }

    // ---------------------------------------------------------------- events

    private Behavior<Command> onTcpEvent(Tcp.Event event, boolean reading) {
        if (MessageTrace.on()) {
            MessageTrace.note("tcp", "connection", describe(event));
        }
        return switch (event) {
            case Tcp.Received received -> onReceived(received.data(), reading);
            case Written written -> onWritten(written, reading);
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
                socket.tell(TcpMessage.abort(), tcpEvents);
                yield closing();
            }
            default -> Behaviors.same();
        };
    }

    private Behavior<Command> onReceived(ByteString data, boolean reading) {
        hook.inspect(data);
        metrics.bytesRead().add(data.size());
        lastProgressNanos = System.nanoTime();
        readRequested = false;

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
            return startFlushing(); // the protocol is done with this peer: read no more, send what is owed, close
        }
        if (reading) {
            requestReadIfRoom();
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
        metrics.bytesWritten().add(written.bytes());
        lastProgressNanos = System.nanoTime();
        inFlight = 0;

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
        socket.tell(inFlight == 0 ? TcpMessage.close() : TcpMessage.abort(), tcpEvents);
        return closing();
    }

    private Behavior<Command> onDrain() {
        if (readRequested) {
            // A read may be under way. Stop further reads, and fence the one that may be in flight.
            socket.tell(TcpMessage.suspendReading(), tcpEvents);
            fenceOwed = true;
            sendFenceIfOwed();
        }
        return startFlushing();
    }

    private Behavior<Command> abortStuckClose() {
        socket.tell(TcpMessage.abort(), tcpEvents);
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
        socket.tell(TcpMessage.close(), tcpEvents);
        return closing();
    }

    private boolean nothingOwed() {
        return inFlight == 0 && buffered.isEmpty() && !readRequested;
    }

    /** An empty write holds no slot: the socket actor acknowledges it at once, in order. */
    private void sendFenceIfOwed() {
        if (fenceOwed && inFlight == 0) {
            fenceOwed = false;
            socket.tell(TcpMessage.write(ByteString.emptyByteString(), new ReadsStopped()), tcpEvents);
        }
    }

    private void writeBufferedIfIdle() {
        if (inFlight == 0 && !buffered.isEmpty()) {
            inFlight = buffered.size();
            socket.tell(TcpMessage.write(buffered, new Written(inFlight)), tcpEvents);
            if (MessageTrace.on()) {
                MessageTrace.note("connection", "tcp", "Write(" + inFlight + " B, ack=Written)");
            }
            buffered = ByteString.emptyByteString();
        }
    }

    /** The backpressure rule: read again only if one more full read still fits the bound. */
    private void requestReadIfRoom() {
        long held = (long) inFlight + buffered.size();
        if (!readRequested && held + config.readBufferSize() <= config.maxPendingWriteBytes()) {
            readRequested = true;
            socket.tell(TcpMessage.resumeReading(), tcpEvents);
            MessageTrace.note("connection", "tcp", "ResumeReading");
        }
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
