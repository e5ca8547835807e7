package dev.wirelab.nio.sendfile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.wirelab.nio.sendfile.SendfileLesson.Method;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every way of serving a file delivers exactly the file's bytes; speed is the experiment's business, not the tests'. */
class SendfileLessonTest {

    @TempDir
    Path dir;

    private final ExecutorService receiver = Executors.newVirtualThreadPerTaskExecutor();

    /** The receiver gets the file byte for byte, for sizes around the chunk size and far past it. */
    @ParameterizedTest
    @EnumSource(Method.class)
    @Timeout(60)
    void deliversExactlyTheFilesBytes(Method method) throws Exception {
        for (long size : new long[] {0, 1, SendfileLesson.CHUNK - 1, SendfileLesson.CHUNK + 1, (3L << 20) + 123}) {
            Path file = dir.resolve(method + "-" + size + ".bin");
            Files.createFile(file);
            SendfileExperiment.writeTestFile(file, size);
            byte[] expected = Files.readAllBytes(file);

            byte[] received = serve(method, file);

            assertEquals(size, expected.length, "test file size");
            assertArrayEquals(expected, received, method + " with a " + size + " B file");
        }
    }

    /** The experiment runs end to end and every measurement moved exactly the whole file (no timing asserted). */
    @Test
    @Timeout(120)
    void experimentMeasuresEveryMethodOverTheWholeFile() throws Exception {
        long size = 2L << 20;
        SendfileExperiment.Report report = SendfileExperiment.run(size, 2);

        assertEquals(2 * Method.values().length, report.measurements().size());
        for (SendfileExperiment.Measurement m : report.measurements()) {
            assertEquals(size, m.bytes(), m.toString());
            assertTrue(m.wallNanos() > 0 && m.senderCpuNanos() >= 0, m.toString());
        }
        String table = report.toMarkdown();
        for (Method m : Method.values()) {
            assertTrue(table.contains("| " + m.label() + " |"), table);
        }
    }

    /** The experiment refuses sizes that would fill the temp directory, with the limit in the message. */
    @Test
    void refusesAFileLargerThanOneGibibyte() {
        var e = assertThrows(IllegalArgumentException.class, () -> SendfileExperiment.run((1L << 30) + 1, 1));
        assertEquals("file size must be 1 B..1 GiB, was 1073741825 B", e.getMessage());
    }

    private byte[] serve(Method method, Path file) throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Future<byte[]> got = receiver.submit(() -> readAll(server));
            try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ);
                 SocketChannel out = SocketChannel.open(server.getLocalAddress())) {
                assertEquals(in.size(), method.send(in, out), "bytes reported sent");
            }
            return got.get(30, TimeUnit.SECONDS);
        }
    }

    private static byte[] readAll(ServerSocketChannel server) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        ByteBuffer buf = ByteBuffer.allocate(8192);
        try (SocketChannel in = server.accept()) {
            while (in.read(buf.clear()) >= 0) {
                all.write(buf.array(), 0, buf.position());
            }
        }
        return all.toByteArray();
    }

    @AfterEach
    void stopReceiver() throws InterruptedException {
        receiver.shutdownNow();
        assertTrue(receiver.awaitTermination(10, TimeUnit.SECONDS), "receiver thread did not stop");
    }
}
