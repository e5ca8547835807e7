package exercises.actor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import akka.actor.testkit.typed.javadsl.BehaviorTestKit;
import akka.actor.testkit.typed.javadsl.TestInbox;
import exercises.actor.Session.Buffered;
import exercises.actor.Session.Data;
import exercises.actor.Session.Echoed;
import exercises.actor.Session.Pause;
import exercises.actor.Session.Reply;
import exercises.actor.Session.Resume;
import org.junit.jupiter.api.Test;

// The tests of exercise actor-state. Do not change this file: lab check runs it as it is.
class SessionTest {

    private final BehaviorTestKit<Session.Command> session = BehaviorTestKit.create(Session.create());
    private final TestInbox<Reply> inbox = TestInbox.create();

    private void send(String text) {
        session.run(new Data(text, inbox.getRef()));
    }

    /** An active session echoes at once. */
    @Test
    void activeSessionEchoes() {
        send("hello");
        inbox.expectMessage(new Echoed("hello"));
    }

    /** A paused session buffers and says how many items wait; nothing is echoed. */
    @Test
    void pausedSessionBuffers() {
        session.run(new Pause());
        send("x");
        send("y");
        assertEquals(List.of(new Buffered(1), new Buffered(2)), inbox.getAllReceived());
    }

    /** Resume echoes the buffered items in order, then the session is active again. */
    @Test
    void resumeReplaysInOrderThenEchoesAgain() {
        session.run(new Pause());
        send("first");
        send("second");
        send("third");
        session.run(new Resume());
        send("after");
        assertEquals(List.of(new Buffered(1), new Buffered(2), new Buffered(3),
                new Echoed("first"), new Echoed("second"), new Echoed("third"), new Echoed("after")), inbox.getAllReceived());
    }

    /** A second Pause keeps the buffer; Resume while active and a second Resume change nothing. */
    @Test
    void repeatedCommandsAreHarmless() {
        session.run(new Resume());
        session.run(new Pause());
        send("a");
        session.run(new Pause());
        send("b");
        session.run(new Resume());
        session.run(new Resume());
        assertEquals(List.of(new Buffered(1), new Buffered(2), new Echoed("a"), new Echoed("b")), inbox.getAllReceived());
        assertFalse(inbox.hasMessages());
    }
}
