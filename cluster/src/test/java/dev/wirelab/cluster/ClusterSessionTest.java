package dev.wirelab.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Three nodes on loopback (three ActorSystems in this JVM, Artery on 127.0.0.1 at ports the OS
 * picks): the front node with the TCP front end, two nodes hosting sessions. The last test
 * makes a node leave, so the order is fixed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(60)
class ClusterSessionTest {

    private static ClusterNode front;
    private static ClusterNode a;
    private static ClusterNode b;
    private static SessionFrontEnd frontEnd;

    @BeforeAll
    static void startThreeNodes() throws Exception {
        front = ClusterNode.front();
        a = ClusterNode.entities(front.address());
        b = ClusterNode.entities(front.address());
        front.awaitMembersUp(3, Duration.ofSeconds(30));
        frontEnd = SessionFrontEnd.start(front, 0);
    }

    @AfterAll
    static void stopAll() throws Exception {
        if (frontEnd != null) {
            frontEnd.close();
        }
        // stop all three at once: one after the other, each would wait for the others to notice it leaving
        java.util.List<Thread> stopping = new java.util.ArrayList<>();
        for (ClusterNode node : new ClusterNode[] {b, a, front}) {
            if (node != null) {
                stopping.add(Thread.ofPlatform().start(node::close));
            }
        }
        for (Thread t : stopping) {
            t.join();
        }
    }

    /** The TCP front end serves a session that lives on another node, in its two states. */
    @Test
    @Order(1)
    void frontEndServesASessionLivingOnAnotherNode() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), frontEnd.port());
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
             Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8)) {
            String refused = exchange(in, out, "hello");
            String node = refused.substring(refused.indexOf(" @") + 2);
            assertEquals("REFUSED log in first @" + node, refused);
            assertNotEquals(front.hostPort(), node, "the front node hosts no sessions");
            assertTrue(Set.of(a.hostPort(), b.hostPort()).contains(node), node);
            assertEquals("OK alice @" + node, exchange(in, out, "LOGIN alice"));
            assertEquals("ECHO hi #1 @" + node, exchange(in, out, "hi"));
            assertEquals("ECHO hi again #2 @" + node, exchange(in, out, "hi again"));
        }
    }

    /**
     * Sharding spreads sessions over both entity nodes. A region that registered with the
     * coordinator a moment late gets its shards by the next rebalance (2 s here), so new
     * sessions are opened for up to 20 s until both nodes have been seen.
     */
    @Test
    @Order(2)
    void sessionsSpreadOverBothEntityNodes() {
        Set<String> nodes = new HashSet<>();
        long deadline = System.nanoTime() + 20_000_000_000L;
        for (int i = 0; nodes.size() < 2 && System.nanoTime() < deadline; i++) {
            String id = "spread-" + i;
            nodes.add(front.ask(id, replyTo -> new SessionEntity.Login("u" + id, replyTo)).node());
        }
        assertEquals(Set.of(a.hostPort(), b.hostPort()), nodes);
    }

    /** A message to an entity on another node costs more than one to a local actor; the figures are printed. */
    @Test
    @Order(3)
    void aRemoteHopCostsMoreThanALocalOne() {
        HopCost cost = HopCost.measure(front, 200, 1_000);
        System.out.println("hop cost: " + cost.describe());
        assertTrue(cost.ratio() > 1, cost.describe());
    }

    /** A node leaves: its sessions move to the node that stays, logged in, with their count: state handed over. */
    @Test
    @Order(4)
    void aSessionKeepsItsStateWhenItsNodeLeaves() {
        String id = "moving";
        SessionEntity.Reply login = front.ask(id, replyTo -> new SessionEntity.Login("bob", replyTo));
        for (int i = 1; i <= 3; i++) {
            front.ask(id, replyTo -> new SessionEntity.Echo("before", replyTo));
        }
        ClusterNode home = login.node().equals(a.hostPort()) ? a : b;
        ClusterNode stays = home == a ? b : a;

        home.leave(Duration.ofSeconds(30));

        SessionEntity.Reply after = front.ask(id, replyTo -> new SessionEntity.Echo("after", replyTo));
        assertEquals(new SessionEntity.Echoed("after", 4, stays.hostPort()), after,
                "the session moved to the node that stayed and kept its login and its count");
    }

    private static String exchange(BufferedReader in, Writer out, String line) throws Exception {
        out.write(line + "\n");
        out.flush();
        return in.readLine();
    }
}
