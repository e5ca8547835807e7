package exercises.actor;

import java.util.ArrayList;
import java.util.List;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.Behaviors;

/*
 * Exercise actor-state: an actor that changes its behaviour.
 *
 * An actor's state is not a field that every message handler checks: it is *which behaviour*
 * handles the next message. Each message handler returns the behaviour for the next one:
 * Behaviors.same() to stay, or a different behaviour to switch. The data that belongs to a
 * state (here: what was buffered while paused) travels as an argument of that state's
 * behaviour, so no other state can touch it by mistake.
 *
 * This session echoes text while active. Told to Pause (a slow downstream, say), it
 * buffers instead, answering how many items wait. On Resume it echoes the buffered items in
 * the order they came, then goes back to active.
 *
 *   active:  Data(text)  -> reply Echoed(text), stay
 *            Pause       -> paused with nothing buffered
 *            Resume      -> stay (already active)
 *   paused:  Data(text)  -> buffer it, reply Buffered(items now waiting), stay paused
 *            Pause       -> stay
 *            Resume      -> reply Echoed(text) to each buffered Data's sender, in order; -> active
 */
public final class Session {

    public sealed interface Command permits Data, Pause, Resume {
    }

    public record Data(String text, ActorRef<Reply> replyTo) implements Command {
    }

    public record Pause() implements Command {
    }

    public record Resume() implements Command {
    }

    public sealed interface Reply permits Echoed, Buffered {
    }

    public record Echoed(String text) implements Reply {
    }

    public record Buffered(int waiting) implements Reply {
    }

    private Session() {
    }

    public static Behavior<Command> create() {
        return active();
    }

    static Behavior<Command> active() {
        return Behaviors.receive(Command.class)
                .onMessage(Data.class, data -> {
                    data.replyTo().tell(new Echoed(data.text()));
                    return Behaviors.same();
                })
                .onMessage(Pause.class, pause -> paused(List.of()))
                .onMessage(Resume.class, resume -> Behaviors.same())
                .build();
    }

    static Behavior<Command> paused(List<Data> buffered) {
        // TODO: the paused behaviour, as the table above says. Build a new list for each new
        //       item (new ArrayList<>(buffered), add, List.copyOf) rather than changing this one.
        throw new UnsupportedOperationException("actor-state: paused is not written yet (run: lab hint actor-state)");
    }

    /** A copy of {@code buffered} with {@code data} at the end. */
    static List<Data> plus(List<Data> buffered, Data data) {
        List<Data> more = new ArrayList<>(buffered);
        more.add(data);
        return List.copyOf(more);
    }
}
