package dev.wirelab.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The TCP front end: one line-based session per connection, served on the front node while
 * the session itself lives on another node.
 *
 * <pre>
 *   client                      front node                       entity node
 *   LOGIN alice  ──TCP──▶  Login(alice) to EntityRef("tcp-1") ──Artery──▶ session tcp-1
 *   OK alice @127.0.0.1:41234 ◀────────────────── LoggedIn(alice, node) ◀─────┘
 *   hello        ──TCP──▶  Echo(hello) ...
 *   ECHO hello #1 @127.0.0.1:41234
 * </pre>
 *
 * Every line of the answer names the node that handled it, so a person can watch a session
 * move. One virtual thread per connection waits for each reply: the blocking ask costs no
 * platform thread (see async-echo's virtual threads).
 */
public final class SessionFrontEnd implements AutoCloseable {

    private final ClusterNode node;
    private final ServerSocket server;
    private final AtomicLong connections = new AtomicLong();

    private SessionFrontEnd(ClusterNode node, ServerSocket server) {
        this.node = node;
        this.server = server;
    }

    /** Listens on 127.0.0.1 at {@code port} (0: the OS picks) and serves until closed. */
    public static SessionFrontEnd start(ClusterNode node, int port) throws IOException {
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        SessionFrontEnd frontEnd = new SessionFrontEnd(node, server);
        Thread.ofVirtual().name("front-end-acceptor").start(frontEnd::acceptLoop);
        return frontEnd;
    }

    public int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                String sessionId = "tcp-" + connections.incrementAndGet();
                Thread.ofVirtual().name(sessionId).start(() -> serve(socket, sessionId));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket, String sessionId) {
        try (socket;
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
             Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                out.write(answer(sessionId, line) + "\n");
                out.flush();
            }
        } catch (IOException | RuntimeException e) {
            // the client went away, or the cluster did not answer in time: this connection ends
        }
    }

    /** One request line, one answer line. */
    String answer(String sessionId, String line) {
        SessionEntity.Reply reply = line.startsWith("LOGIN ")
                ? node.ask(sessionId, replyTo -> new SessionEntity.Login(line.substring(6).strip(), replyTo))
                : node.ask(sessionId, replyTo -> new SessionEntity.Echo(line, replyTo));
        return switch (reply) {
            case SessionEntity.LoggedIn in -> "OK " + in.user() + " @" + in.node();
            case SessionEntity.Echoed echoed -> "ECHO " + echoed.text() + " #" + echoed.echoed() + " @" + echoed.node();
            case SessionEntity.Refused refused -> "REFUSED " + refused.why() + " @" + refused.node();
        };
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
