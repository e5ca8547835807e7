package dev.wirelab.labs.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code lab net}'s promises, on real namespaces (root only; required under CI=true). */
@Timeout(120)
class NetLabTest {

    private final String prefix = NetHosts.testPrefix();
    private final Shell shell = new Shell();
    private Set<String> rootLinksBefore;

    @BeforeEach
    void needsRoot() {
        NetHosts.assumeNamespaces();
        rootLinksBefore = rootLinks();
    }

    @AfterEach
    void cleanUpEvenOnFailure() {
        if (rootLinksBefore != null) {
            new NetLab().down(prefix);
        }
    }

    /** down leaves nothing: no namespace of ours, and the root namespace has exactly the interfaces it had. */
    @Test
    void downRemovesEverythingUpMade() {
        NetLab lab = new NetLab();
        assertEquals(NetLab.Outcome.CREATED, lab.up(new NetLayout(prefix, 3, Optional.of(LinkRate.parse("100mbit")))));
        assertEquals(Set.of(prefix + "h1", prefix + "h2", prefix + "h3", prefix + "sw"), Set.copyOf(lab.namespaces(prefix)));
        assertEquals(rootLinksBefore, rootLinks(), "up must add nothing to the root namespace");

        assertEquals(4, lab.down(prefix).size());
        assertEquals(List.of(), lab.namespaces(prefix));
        assertEquals(rootLinksBefore, rootLinks());
        assertEquals(List.of(), lab.down(prefix), "a second down finds nothing");
    }

    /** Hosts on the bridge reach each other: a connect to a closed port is refused by the far stack, not unroutable. */
    @Test
    void hostsOnTheBridgeReachEachOther() {
        NetLab lab = new NetLab();
        lab.up(new NetLayout(prefix, 3, Optional.empty()));
        assertTrue(connect(prefix + "h2", "198.18.0.1").contains("Connection refused"), "h2 -> h1 reached h1's stack");
        assertTrue(connect(prefix + "h3", "198.18.0.2").contains("Connection refused"), "h3 -> h2 reached h2's stack");
        assertTrue(connect(prefix + "h1", "198.19.0.9").contains("unreachable"), "nothing outside the lab's subnet is routed");
    }

    /** up twice with the same layout changes nothing; with another rate it rebuilds, and the qdisc shows the new rate. */
    @Test
    void upIsIdempotentAndReplacesAnotherLayout() {
        NetLab lab = new NetLab();
        NetLayout slow = new NetLayout(prefix, 2, Optional.of(LinkRate.parse("10mbit")));
        assertEquals(NetLab.Outcome.CREATED, lab.up(slow));
        assertEquals(NetLab.Outcome.ALREADY_UP, lab.up(slow));
        assertTrue(qdisc(prefix + "h1").contains("rate 10Mbit"), qdisc(prefix + "h1"));

        assertEquals(NetLab.Outcome.REPLACED, lab.up(new NetLayout(prefix, 2, Optional.of(LinkRate.parse("1gbit")))));
        assertTrue(qdisc(prefix + "h2").contains("rate 1Gbit"), qdisc(prefix + "h2"));
        assertTrue(lab.status(prefix).get(0).contains("198.18.0.1/24"), lab.status(prefix).toString());
    }

    private String connect(String ns, String address) {
        return shell.run("ip", "netns", "exec", ns, "timeout", "5", "bash", "-c", "exec 3<>/dev/tcp/" + address + "/9").output();
    }

    private String qdisc(String ns) {
        return shell.must("tc", "-n", ns, "qdisc", "show", "dev", "eth0").output();
    }

    private Set<String> rootLinks() {
        Set<String> names = new TreeSet<>();
        shell.must("ip", "-o", "link", "show").output().lines().forEach(l -> names.add(l.split(":\\s+")[1].split("@")[0]));
        return names;
    }
}
