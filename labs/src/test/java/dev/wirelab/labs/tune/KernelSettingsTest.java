package dev.wirelab.labs.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelSettingsTest {

    @TempDir
    Path procSys;

    /** Values are read from the sysctl's file, tabs folded; a setting that cannot be read is empty, not an error. */
    @Test
    void readsValuesAndReportsUnreadableOnesAsEmpty() throws Exception {
        Files.createDirectories(procSys.resolve("net/ipv4"));
        Files.writeString(procSys.resolve("net/ipv4/tcp_rmem"), "4096\t131072\t6291456\n");
        Files.writeString(procSys.resolve("net/ipv4/tcp_congestion_control"), "cubic\n");

        Map<String, KernelSettings.Setting> byName = new KernelSettings(procSys).read().stream()
                .collect(Collectors.toMap(KernelSettings.Setting::name, Function.identity()));
        assertEquals(Optional.of("4096 131072 6291456"), byName.get("net.ipv4.tcp_rmem").value());
        assertEquals(Optional.of("cubic"), byName.get("net.ipv4.tcp_congestion_control").value());
        assertEquals(Optional.empty(), byName.get("net.core.somaxconn").value());
        assertTrue(byName.values().stream().allMatch(s -> !s.meaning().isBlank()));
    }

    /**
     * On Linux, the real /proc reads in full: /proc files claim size 0, and a reader that trusts
     * the size returned only "4" of "4096" before this was fixed.
     */
    @Test
    void readsWholeValuesFromTheRealProc() throws Exception {
        Path real = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        dev.wirelab.testkit.Skip.unlessRequiredInCi(Files.isReadable(real), System.getProperty("os.name", "").startsWith("Linux"),
                "no readable /proc/sys (not Linux): the kernel settings cannot be read here");
        String expected = Files.readAllLines(real).getFirst().trim().replaceAll("\\s+", " ");
        String read = new KernelSettings().read().stream().filter(s -> s.name().equals("net.ipv4.ip_local_port_range"))
                .findFirst().orElseThrow().value().orElseThrow();
        assertEquals(expected, read);
        assertTrue(read.matches("\\d+ \\d+"), read);
    }
}
