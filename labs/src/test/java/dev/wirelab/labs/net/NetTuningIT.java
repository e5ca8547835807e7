package dev.wirelab.labs.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.wirelab.labs.tour.ClientHosts;
import dev.wirelab.labs.tour.Tour;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * lab net tune on real namespaces (root only; required under CI=true): the token bucket holds
 * every case to the link's rate, each socket ran the algorithm it asked for, and the
 * experiment's hosts are gone afterwards.
 */
class NetTuningIT {

    @Test
    @Timeout(240)
    void everyCaseStaysWithinTheLinkRateAndNothingIsLeftBehind() throws Exception {
        NetHosts.assumeNamespaces();
        LinkRate rate = LinkRate.parse("50mbit");
        Map<String, List<NetTuning.Result>> results = NetTuning.run(rate, Duration.ofMillis(1200),
                ClientHosts.labHere(Tour.serverJvmFlags()));
        List<NetTuning.Result> tbf = results.values().iterator().next();
        assertEquals(NetTuning.cases(TcpSockets.availableCongestionControl().stream().sorted().toList()).size(), tbf.size());
        for (NetTuning.Result r : tbf) {
            assertTrue(r.megabitsPerSecond() > 5 && r.megabitsPerSecond() < 50 * 1.1,
                    r + ": a 50 Mbit/s link carries 5..55 Mbit/s");
            assertEquals(r.spec().congestionControl(), r.checkedAlgorithm());
        }
        assertEquals(List.of(), new NetLab().namespaces("wlx-"));
    }
}
