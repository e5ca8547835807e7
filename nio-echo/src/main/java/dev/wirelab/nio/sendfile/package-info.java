/**
 * Zero-copy file serving: {@link dev.wirelab.nio.sendfile.SendfileLesson} shows three ways to
 * move a file to a socket (read/write through a heap buffer, through a direct buffer, and
 * {@code FileChannel.transferTo}, which is {@code sendfile(2)} on Linux), and
 * {@link dev.wirelab.nio.sendfile.SendfileExperiment} measures their throughput and CPU cost
 * over loopback.
 */
package dev.wirelab.nio.sendfile;
