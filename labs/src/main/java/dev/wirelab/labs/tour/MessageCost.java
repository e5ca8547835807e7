package dev.wirelab.labs.tour;

import java.time.Duration;

/**
 * What the server process spent on the messages it echoed in a window of the measured run:
 * the figures that explain a rate. A server that needs twice the CPU per message reaches half
 * the rate on one core, wherever the client runs; a context switch per message is a wake-up
 * per message.
 *
 * @param messages            messages echoed in the window
 * @param cpu                 the server process's CPU time (user + system) in the window
 * @param voluntarySwitches   times a server thread blocked (gave up the CPU: an empty poll, a park)
 * @param involuntarySwitches times the scheduler took the CPU from a server thread (preempted)
 */
public record MessageCost(long messages, Duration cpu, long voluntarySwitches, long involuntarySwitches) {

    public MessageCost {
        if (messages <= 0) {
            throw new IllegalArgumentException("a cost per message needs at least one message, got " + messages);
        }
    }

    /** CPU seconds per million messages — numerically the same as microseconds per message. */
    public double cpuSecondsPerMillion() {
        return cpu.toNanos() / 1e3 / messages;
    }

    /** Context switches of every kind per message. */
    public double switchesPerMessage() {
        return (double) (voluntarySwitches + involuntarySwitches) / messages;
    }

    /** Voluntary switches per message: how often a server thread went to sleep for each echo. */
    public double voluntaryPerMessage() {
        return (double) voluntarySwitches / messages;
    }
}
