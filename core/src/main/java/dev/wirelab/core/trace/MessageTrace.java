package dev.wirelab.core.trace;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A recording of the messages a server exchanges, for teaching: start one, echo a few bytes,
 * stop it, and draw the sequence diagram of what really happened. The actor server
 * ({@code actor-echo}) notes every message it passes (accept, the connection actor spawned,
 * {@code Register}, {@code ResumeReading}, {@code Received}, {@code Write} with its ack,
 * {@code Written}, and so on). It lives in core so that the lab's notebook helpers can start
 * and read a recording without importing a variant's classes.
 *
 * <p>At most one recording is active in a JVM. When none is (always, outside a lesson), each
 * trace point costs one read of a static volatile field that holds {@code null}; the echo path
 * allocates nothing for it.
 *
 * <p>The participants are named for their role, not their actor path: {@code client} (the
 * peer), {@code tcp} (Akka's TCP extension and the socket actors it runs), {@code listener}
 * and {@code connection}.
 */
public final class MessageTrace {

    /** One message: who sent it, who received it, what it was (type and size, never the bytes). */
    public record Step(long nanos, String from, String to, String message) {
    }

    private static volatile MessageTrace active;

    private final List<Step> steps = new ArrayList<>();

    private MessageTrace() {
    }

    /**
     * Starts recording; replaces a recording that was never stopped.
     *
     * @return the recording, to {@link #stop()} once the echo is done
     */
    public static MessageTrace start() {
        MessageTrace trace = new MessageTrace();
        active = trace;
        return trace;
    }

    /** The steps so far, while recording goes on. */
    public List<Step> steps() {
        synchronized (steps) {
            return List.copyOf(steps);
        }
    }

    /** Stops recording and returns the steps in the order they happened. */
    public List<Step> stop() {
        if (active == this) {
            active = null;
        }
        synchronized (steps) {
            return List.copyOf(steps);
        }
    }

    /**
     * A trace point: records the message when a recording is active, does nothing otherwise.
     * Code outside the server (a lesson's client) may add its own steps the same way.
     */
    public static void note(String from, String to, String message) {
        MessageTrace trace = active;
        if (trace != null) {
            synchronized (trace.steps) {
                trace.steps.add(new Step(System.nanoTime(), from, to, message));
            }
        }
    }

    /** Whether a recording is active: lets a trace point skip building its text. */
    public static boolean on() {
        return active != null;
    }

    /**
     * The steps as a PlantUML sequence diagram, one arrow per message in the order recorded;
     * the participants appear in the order they first speak, each under its label when
     * {@code labels} has one ({@code "tcp" -> "Akka TCP\n(socket actors)"}).
     */
    public static String toPlantUml(List<Step> steps, String title, Map<String, String> labels) {
        StringBuilder uml = new StringBuilder("@startuml\n");
        uml.append("title ").append(title).append('\n');
        Set<String> participants = new LinkedHashSet<>();
        steps.forEach(s -> {
            participants.add(s.from());
            participants.add(s.to());
        });
        for (String p : participants) {
            String label = labels.get(p);
            uml.append("participant ").append(p).append(label == null ? "" : " as \"" + label + "\"").append('\n');
        }
        for (Step s : steps) {
            uml.append(s.from()).append(" -> ").append(s.to()).append(" : ").append(s.message()).append('\n');
        }
        return uml.append("@enduml\n").toString();
    }
}
