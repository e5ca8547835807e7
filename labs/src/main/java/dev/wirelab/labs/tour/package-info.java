/**
 * {@code lab tour}, the lab's main job. {@link dev.wirelab.labs.tour.Tour} starts each
 * variant as a {@link dev.wirelab.labs.tour.ServerProcess} (a JVM of its own), drives it
 * through the {@link dev.wirelab.labs.tour.TourScenario}s with core's load generator, and
 * collects a {@link dev.wirelab.labs.tour.TourResult}; {@link dev.wirelab.labs.tour.TourReport}
 * turns that into the table, the goals, JSON and charts; {@link dev.wirelab.labs.tour.ProfileSummary}
 * reads the JFR recordings of {@code --profile}.
 */
package dev.wirelab.labs.tour;
