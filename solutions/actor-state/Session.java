package exercises.actor;

import java.util.ArrayList;
import java.util.List;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.Behaviors;

/* Reference solution for actor-state: the paused state carries its buffer; Resume replays it and switches back. */
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
        return Behaviors.receive(Command.class)
                .onMessage(Data.class, data -> {
                    List<Data> waiting = plus(buffered, data);
                    data.replyTo().tell(new Buffered(waiting.size()));
                    return paused(waiting);
                })
                .onMessage(Pause.class, pause -> Behaviors.same())
                .onMessage(Resume.class, resume -> {
                    for (Data data : buffered) {
                        data.replyTo().tell(new Echoed(data.text()));
                    }
                    return active();
                })
                .build();
    }

    /** A copy of {@code buffered} with {@code data} at the end. */
    static List<Data> plus(List<Data> buffered, Data data) {
        List<Data> more = new ArrayList<>(buffered);
        more.add(data);
        return List.copyOf(more);
    }
}
