package dev.wirelab.actor.akka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.wirelab.core.echo.EchoConfig;
import dev.wirelab.core.trace.MessageTrace;

/** The message trace records one real echo in the order the actors saw it, and nothing when it is off. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MessageTraceTest {

    private static final byte[] HELLO = "hello, actors\n".getBytes(StandardCharsets.US_ASCII);

    /** One echo shows accept, spawn, Register, ResumeReading, Received, Write and its ack, in that order. */
    @Test
    void recordsTheMessagesOfOneEchoInOrder() throws Exception {
        try (AkkaEchoServer server = AkkaEchoServer.start(EchoConfig.defaults().withPort(0), ConnectionActor.ReceiveHook.NONE)) {
            MessageTrace trace = MessageTrace.start();
            echoOnce(server);
            awaitWritten(trace);
            List<String> messages = trace.stop().stream().map(MessageTrace.Step::message).toList();

            int connected = indexOf(messages, "Connected");
            int spawn = indexOf(messages, "spawn connection-");
            int register = indexOf(messages, "Register");
            int received = indexOf(messages, "Received(" + HELLO.length + " B)");
            int write = indexOf(messages, "Write(" + HELLO.length + " B");
            int written = indexOf(messages, "Written(" + HELLO.length + " B)");
            assertTrue(connected < spawn && spawn < register && register < received && received < write && write < written,
                    "order of " + messages);
            assertTrue(messages.subList(register, received).stream().anyMatch(m -> m.equals("ResumeReading")),
                    "a read is requested before bytes arrive: " + messages);
        }
    }

    /** With no recording active, an echo leaves no steps behind for the next recording. */
    @Test
    void recordsNothingWhenNotStarted() throws Exception {
        try (AkkaEchoServer server = AkkaEchoServer.start(EchoConfig.defaults().withPort(0), ConnectionActor.ReceiveHook.NONE)) {
            echoOnce(server);
            awaitClosed(server);   // the closing connection's last messages belong to the echo, not to the recording
            MessageTrace trace = MessageTrace.start();
            assertEquals(List.of(), trace.stop());
        }
    }

    private static void echoOnce(AkkaEchoServer server) throws IOException {
        try (Socket socket = new Socket(server.localAddress().getAddress(), server.localAddress().getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(HELLO);
            InputStream in = socket.getInputStream();
            byte[] back = in.readNBytes(HELLO.length);
            assertArrayEquals(HELLO, back);
        }
    }

    /** The server finishes a connection after the client has gone: wait until it has counted it closed. */
    private static void awaitClosed(AkkaEchoServer server) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.metrics().closed() < 1 || server.metrics().active() > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the server did not close the connection within 10 s: " + server.metrics());
            }
            Thread.sleep(10);
        }
    }

    /** The ack can reach the actor just after the client has read its echo: wait for it. */
    private static void awaitWritten(MessageTrace trace) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (trace.steps().stream().noneMatch(s -> s.message().startsWith("Written("))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no Written ack within 10 s: " + trace.steps());
            }
            Thread.sleep(10);
        }
    }

    private static int indexOf(List<String> messages, String start) {
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i).startsWith(start)) {
                return i;
            }
        }
        throw new AssertionError("no message starting with '" + start + "' in " + messages);
    }
}
