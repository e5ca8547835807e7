/**
 * {@code lab tune}, the OS-tuning chapter: {@link dev.wirelab.labs.tune.KernelSettings}
 * reads the kernel's TCP settings (never writes them) and {@link dev.wirelab.labs.tune.TuneExperiment}
 * measures Nagle's algorithm and socket-buffer sizes against an echo server on loopback.
 */
package dev.wirelab.labs.tune;
