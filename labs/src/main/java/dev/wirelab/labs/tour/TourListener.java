package dev.wirelab.labs.tour;

import dev.wirelab.core.load.LoadProgress;

/** What a tour tells whoever watches it (a progress bar, a notebook, a test). */
public interface TourListener {

    default void variantStarting(String variant) {
    }

    default void variantFailed(String variant, String why) {
    }

    default void scenarioProgress(String variant, TourScenario scenario, LoadProgress.Update update) {
    }

    default void scenarioDone(String variant, TourResult.ScenarioRun run) {
    }

    static TourListener silent() {
        return new TourListener() { };
    }
}
