package dev.wirelab.labs.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.wirelab.core.load.LoadReport;
import dev.wirelab.core.load.LoadSpec;
import dev.wirelab.labs.tour.ClientHosts;
import dev.wirelab.labs.tour.ServerProcess;
import dev.wirelab.labs.tour.Tour;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Load from several hosts, for real: a server in one namespace, two load generators in two
 * others (each its own JVM, started with ip netns exec, reporting JSON), one merged report.
 * Root only; required under CI=true. Everything made is removed, even on failure.
 */
class MultiHostIT {

    @Test
    @Timeout(180)
    void twoClientHostsDriveOneServerAndTheirReportsMerge() throws Exception {
        NetHosts.assumeNamespaces();
        String prefix = NetHosts.testPrefix();
        NetLab lab = new NetLab();
        NetLayout layout = new NetLayout(prefix, 3, Optional.empty());
        try {
            lab.up(layout);
            try (ServerProcess server = ServerProcess.start("nio", List.of("ip", "netns", "exec", layout.host(1)),
                    NetLayout.address(1), Tour.serverJvmFlags(), List.of(), Duration.ofSeconds(60))) {
                assertEquals("198.18.0.1", server.address().getHostString());
                ClientHosts hosts = ClientHosts.namespaces(layout, ClientHosts.labHere(Tour.serverJvmFlags()));
                LoadSpec spec = LoadSpec.defaults(server.address()).withConnections(3)
                        .withDuration(Duration.ofSeconds(1)).withWarmup(Duration.ofMillis(300));

                LoadReport merged = hosts.run(spec, List.of());

                assertTrue(merged.clean(), merged.toText());
                assertEquals(6, merged.spec().connections(), "two hosts, three connections each");
                assertEquals(6, merged.connected());
                assertTrue(merged.messages() > 0, merged.toText());
                assertEquals(merged.messages(), merged.latency().count(), "one latency value per measured message, from both hosts");
            }
        } finally {
            lab.down(prefix);
        }
        assertEquals(List.of(), lab.namespaces(prefix));
    }
}
