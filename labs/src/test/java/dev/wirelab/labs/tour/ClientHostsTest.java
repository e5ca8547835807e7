package dev.wirelab.labs.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.wirelab.core.load.LoadSpec;
import dev.wirelab.labs.net.NetLayout;
import org.junit.jupiter.api.Test;

/** How the tour reaches its client hosts: ssh or ip netns exec, then lab load --json, nothing else. */
class ClientHostsTest {

    private final LoadSpec spec = LoadSpec.defaults(new InetSocketAddress("198.18.0.1", 7007)).withConnections(8)
            .withDuration(Duration.ofSeconds(2)).withWarmup(Duration.ofMillis(500));

    @Test
    void sshClientsRunTheirOwnLabWithAJsonReportAndTheCommonStart() {
        ClientHosts hosts = ClientHosts.ssh(List.of("loadgen1", "me@loadgen2"), "198.18.0.1", "/opt/wirelab/lab");
        assertEquals(List.of("ssh", "-o", "BatchMode=yes", "me@loadgen2", "/opt/wirelab/lab", "load", "198.18.0.1:7007",
                        "-c", "8", "-s", "64", "-p", "1", "-d", "2000ms", "-w", "500ms", "--threads", "1",
                        "--json", "--start-at", "1700000000000"),
                ClientHosts.command(hosts.clients().get(1), List.of(), spec, 1_700_000_000_000L));
    }

    @Test
    void namespaceClientsAreEveryHostButTheServers() {
        ClientHosts hosts = ClientHosts.namespaces(new NetLayout("wl-", 3, Optional.empty()), List.of("java"));
        assertEquals(Optional.of("wl-h1"), hosts.serverNamespace());
        assertEquals("198.18.0.1", hosts.serverAddress());
        assertEquals(List.of("wl-h2", "wl-h3"), hosts.clients().stream().map(ClientHosts.Client::name).toList());
        assertEquals(List.of("ip", "netns", "exec", "wl-h3", "taskset", "-c", "0", "java", "load"),
                ClientHosts.command(hosts.clients().get(1), List.of("taskset", "-c", "0"), spec, 1L).subList(0, 9));
    }

    @Test
    void refusesAHostNameThatIsNotOne() {
        assertThrows(IllegalArgumentException.class, () -> ClientHosts.ssh(List.of("h1; rm -rf /"), "198.18.0.1", "lab"));
    }
}
