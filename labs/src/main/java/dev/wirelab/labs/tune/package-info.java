/**
 * {@code lab tune} ({@code lab experiment tune}), the OS-tuning chapter:
 * {@link dev.wirelab.labs.tune.TuneExperiment} is the lesson (Nagle's algorithm and socket-buffer
 * sizes measured against an echo server on loopback, and what loopback cannot show),
 * {@link dev.wirelab.labs.tune.KernelSettings} reads the kernel's TCP settings (never writes
 * them), {@link dev.wirelab.labs.tune.SocketBuffers} reads each socket's buffers back from the
 * kernel, and {@link dev.wirelab.labs.tune.TuneLab} runs it all as an experiment.
 */
package dev.wirelab.labs.tune;
