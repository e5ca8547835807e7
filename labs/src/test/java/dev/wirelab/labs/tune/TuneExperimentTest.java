package dev.wirelab.labs.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import dev.wirelab.testkit.Skip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class TuneExperimentTest {

    /**
     * 1 s per case: with 300 ms a case on a 2-core machine shared by several builds sometimes
     * measured no message at all (the one pinned CPU was busy elsewhere for the whole window).
     */
    private final TuneExperiment experiment = new TuneExperiment("nio", Duration.ofSeconds(1), Duration.ofMillis(200));

    /**
     * Every Nagle case runs against a fresh server with its own settings and echoes cleanly;
     * split writes and Nagle change timing, never the bytes.
     */
    @Test
    @Timeout(60)
    void nagleCasesAllEchoCleanly() throws Exception {
        List<TuneExperiment.Case> cases = experiment.nagle(step -> { });
        assertEquals(5, cases.size());
        for (TuneExperiment.Case c : cases) {
            assertTrue(c.report().clean(), c.label() + ": " + c.report().firstError());
            assertTrue(c.report().messages() > 0, c.label() + " echoed nothing");
        }
        assertTrue(cases.get(2).server().contains("nodelay off"), cases.get(2).server());
        assertTrue(cases.get(3).client().contains("nodelay off") && cases.get(3).client().contains("at most 32 B"),
                cases.get(3).client());
    }

    /**
     * The buffer settings reach every socket at both ends: read back from the kernel during
     * the run, each of the 4 server and 4 client sockets holds what Linux makes of the request
     * (twice the value asked, after capping it at wmem_max / rmem_max), and the default case
     * holds something else.
     */
    @Test
    @Timeout(60)
    void bufferCasesSetBothEnds() throws Exception {
        boolean linux = System.getProperty("os.name", "").startsWith("Linux");
        Skip.unlessRequiredInCi(linux && ssRuns(), linux, "reading socket buffers back needs Linux and ss (iproute2) on the PATH");

        List<TuneExperiment.Case> cases = experiment.buffers(step -> { });

        assertEquals(3, cases.size());
        cases.forEach(c -> assertTrue(c.report().clean() && c.report().messages() > 0, c.label()));
        assertEquals(List.of(new SocketBuffers(2 * 8192, 2 * 8192)), distinct(cases.get(1).serverBuffers()),
                "server ends, 8 KiB asked");
        assertEquals(List.of(new SocketBuffers(2 * 8192, 2 * 8192)), distinct(cases.get(1).clientBuffers()),
                "client ends, 8 KiB asked");
        assertEquals(4, cases.get(1).serverBuffers().size(), "one server socket per connection");
        assertEquals(4, cases.get(1).clientBuffers().size(), "one client socket per connection");

        int fourMiB = 4 << 20;
        SocketBuffers large = new SocketBuffers(2 * Math.min(fourMiB, sysctl("net/core/wmem_max")),
                2 * Math.min(fourMiB, sysctl("net/core/rmem_max")));
        assertEquals(List.of(large), distinct(cases.get(2).serverBuffers()), "server ends, 4 MiB asked");
        assertEquals(List.of(large), distinct(cases.get(2).clientBuffers()), "client ends, 4 MiB asked");

        assertEquals(4, cases.get(0).serverBuffers().size());
        assertTrue(cases.get(0).serverBuffers().stream().noneMatch(b -> b.equals(new SocketBuffers(2 * 8192, 2 * 8192))),
                "the default case must not carry the 8 KiB setting: " + cases.get(0).serverBuffers());
    }

    private static List<SocketBuffers> distinct(List<SocketBuffers> buffers) {
        return buffers.stream().distinct().toList();
    }

    private static int sysctl(String name) throws java.io.IOException {
        // readAllLines, not readString: /proc files claim size 0, and a size-trusting read returns a prefix.
        return Integer.parseInt(java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/sys", name)).getFirst().strip());
    }

    private static boolean ssRuns() {
        try {
            Process p = new ProcessBuilder("ss", "-V").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
