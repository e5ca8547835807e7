/**
 * The experiment SPI: {@link dev.wirelab.core.experiment.Experiment} is how a lesson that
 * measures something (backpressure, work stealing, sendfile, socket tuning) becomes
 * {@code lab experiment NAME}. Implementations live beside their lessons and are found with
 * {@code ServiceLoader}, so the lab runs experiments from modules it may not import.
 */
package dev.wirelab.core.experiment;
