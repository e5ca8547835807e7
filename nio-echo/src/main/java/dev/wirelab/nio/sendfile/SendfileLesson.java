package dev.wirelab.nio.sendfile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;

/*
 * Zero-copy: serving a file without carrying its bytes through the JVM.
 *
 * A static-file server's job is "move these bytes from a file to a socket". The obvious
 * code reads a chunk into a buffer and writes the buffer out. Every byte then crosses the
 * user/kernel boundary twice (page cache -> our buffer, our buffer -> socket buffer), and
 * the CPU does each copy. When the buffer is a Java heap array it is worse: the JDK cannot
 * hand a movable heap array to a system call, so it copies through a hidden per-thread
 * direct buffer on each read and each write. Four copies per byte, two of them in Java.
 *
 *   heap buffer:    page cache -> temp direct -> byte[] -> temp direct -> socket buffer
 *   direct buffer:  page cache -> direct buffer -----------------------> socket buffer
 *   transferTo:     page cache ------------------(in the kernel)-------> socket buffer
 *
 * FileChannel.transferTo asks the kernel to do the whole move itself: on Linux, with a
 * socket as the target, the JDK calls sendfile(2). The bytes never enter user space, there
 * is no buffer to size or reuse, and the number of system calls drops too, because one call
 * may move megabytes. (With a real NIC that does scatter-gather DMA even the in-kernel copy
 * disappears; over loopback the kernel still copies once into the socket buffer.)
 *
 * The mio example in the seed article calls its read-into-a-buffer-then-write loop
 * "zero-copy". It is not: zero-copy means the data does not pass through the program at
 * all. This lesson measures the difference rather than asserting it.
 *
 * Two things transferTo does NOT promise, and the code below handles both:
 *  - it may move fewer bytes than asked (a socket buffer fills, a signal arrives, the JDK
 *    caps one call at 2 GiB): always loop until the count is reached;
 *  - it does not lock the file: if another process truncates it mid-transfer, the call moves
 *    0 bytes, so check the size before looping forever.
 *
 * How to run (~1 minute on a busy 2-core box):
 *   ./lab experiment sendfile [--mib 64] [--rounds 5]
 * or, without the lab: ./mvnw -q -pl nio-echo -am package -DskipTests, then
 *   java -cp nio-echo/target/classes:core/target/classes dev.wirelab.nio.sendfile.SendfileLesson [MiB] [rounds]
 * Each round serves a temporary file of MiB (default 64, at most 1024) over loopback with
 * each method in turn; the table reports medians and the ratio to the heap baseline.
 */
public final class SendfileLesson {

    /** Bytes per read in the two copying methods; 64 KiB is a common choice (and the default Linux pipe size). */
    static final int CHUNK = 64 * 1024;

    private SendfileLesson() {
    }

    /** The three ways to serve a file, each a method below. */
    public enum Method {
        HEAP_COPY("read/write via heap buffer"),
        DIRECT_COPY("read/write via direct buffer"),
        TRANSFER_TO("FileChannel.transferTo (sendfile)");

        private final String label;

        Method(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Sends the whole of {@code file} to {@code out}; returns the bytes sent. */
        public long send(FileChannel file, WritableByteChannel out) throws IOException {
            return switch (this) {
                case HEAP_COPY -> readThenWrite(file, out, ByteBuffer.allocate(CHUNK));
                case DIRECT_COPY -> readThenWrite(file, out, ByteBuffer.allocateDirect(CHUNK));
                case TRANSFER_TO -> transferTo(file, out);
            };
        }
    }

    // ---------------------------------------------------------------------------------------
    // BASELINE and APPROACH 1: read a chunk into a buffer, write the buffer out.
    // Same code for both; only the buffer differs. With a heap buffer the JDK adds a copy on
    // each side; with a direct buffer the kernel reads into and writes from it as it is.
    // ---------------------------------------------------------------------------------------

    static long readThenWrite(FileChannel file, WritableByteChannel out, ByteBuffer buffer) throws IOException {
        long position = 0;
        while (true) {
            buffer.clear();
            int n = file.read(buffer, position); // positional: no shared file pointer to race on
            if (n < 0) {
                return position;
            }
            buffer.flip();
            while (buffer.hasRemaining()) {
                out.write(buffer); // a blocking socket may still take only part of it: loop
            }
            position += n;
        }
    }

    // ---------------------------------------------------------------------------------------
    // APPROACH 2: let the kernel move the bytes (sendfile on Linux).
    // ---------------------------------------------------------------------------------------

    static long transferTo(FileChannel file, WritableByteChannel out) throws IOException {
        long position = 0;
        long size = file.size();
        while (position < size) {
            long n = file.transferTo(position, size - position, out);
            if (n == 0) {
                // On this blocking socket, 0 means the file shrank under us: stop at its new end
                // instead of looping forever. (On a non-blocking socket 0 can also mean "socket
                // full": a reactor would then ask for OP_WRITE and continue when woken.)
                size = Math.min(size, file.size());
            }
            position += n;
        }
        return position;
    }

    /** Runs the experiment; see the "how to run" note above. */
    public static void main(String[] args) throws Exception {
        int mebibytes = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        SendfileExperiment.Report report = SendfileExperiment.run((long) mebibytes << 20, rounds);
        System.out.println(report.toMarkdown());
    }
}
