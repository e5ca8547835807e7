package dev.wirelab.labs.tour;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The server's cost per message over the measured part of a run: readings of
 * {@link ProcCounters} taken while the load runs, paired with the count of messages echoed
 * at the same moment.
 *
 * <p>Why readings during the run and not one before and one after: a thread that ends takes
 * its context-switch counts with it (the blocking server's threads end when the load closes
 * its connections), and the warm-up would be mixed in. So the first reading opens the window
 * once the measured phase has begun, every later one moves its end, and each thread is
 * charged with what it did between its first and last appearance in the window (a thread born
 * inside the window starts from zero).
 */
final class CostMeter {

    private long firstTicks;
    private long lastTicks;
    private long firstMessages;
    private long lastMessages;
    private final Map<Long, ProcCounters.Switches> first = new HashMap<>();
    private final Map<Long, ProcCounters.Switches> last = new HashMap<>();
    private boolean started;
    private int readings;

    /** Adds one reading taken when {@code messages} had been echoed in the measured window. */
    void add(ProcCounters counters, long messages) {
        if (!started) {
            started = true;
            firstTicks = counters.cpuTicks();
            firstMessages = messages;
            first.putAll(counters.threads());
        }
        lastTicks = counters.cpuTicks();
        lastMessages = messages;
        last.putAll(counters.threads());
        readings++;
    }

    /** The cost between the first and last reading; empty with fewer than two readings or no message between them. */
    Optional<MessageCost> cost(long ticksPerSecond) {
        long messages = lastMessages - firstMessages;
        if (readings < 2 || messages <= 0) {
            return Optional.empty();
        }
        long voluntary = 0;
        long involuntary = 0;
        for (var e : last.entrySet()) {
            ProcCounters.Switches start = first.getOrDefault(e.getKey(), ProcCounters.Switches.NONE);
            voluntary += e.getValue().voluntary() - start.voluntary();
            involuntary += e.getValue().involuntary() - start.involuntary();
        }
        Duration cpu = Duration.ofNanos((lastTicks - firstTicks) * 1_000_000_000L / ticksPerSecond);
        return Optional.of(new MessageCost(messages, cpu, voluntary, involuntary));
    }
}
