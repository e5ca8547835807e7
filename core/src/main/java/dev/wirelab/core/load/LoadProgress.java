package dev.wirelab.core.load;

import java.time.Duration;

/**
 * A hook the {@link LoadGenerator} calls a few times a second while it runs, e.g. to move a
 * progress bar. It is called on the thread that called {@code run}, never on an I/O thread,
 * so a slow callback cannot delay a single echo.
 */
@FunctionalInterface
public interface LoadProgress {

    /** Where a run is. */
    enum Phase { CONNECTING, WARMING_UP, MEASURING, DRAINING, DONE }

    /**
     * @param phase    the current phase
     * @param elapsed  time since the run started, connect phase included
     * @param planned  the longest the run can take before draining (connect timeout + warm-up + duration)
     * @param messages echoes completed and verified so far in the measured window
     * @param failures connections failed so far (errors of any kind)
     */
    record Update(Phase phase, Duration elapsed, Duration planned, long messages, long failures) {
    }

    void update(Update update);

    /** A hook that does nothing. */
    static LoadProgress none() {
        return update -> { };
    }
}
