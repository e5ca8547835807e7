package dev.wirelab.async.virtual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

class VirtualSettingsTest {

    /** Each JDK knob becomes the -D flag the server's JVM must start with; nothing else does. */
    @Test
    void optionsBecomeTheJvmPropertiesTheyStandFor() {
        Map<String, String> properties = VirtualSettings.jvmProperties(Map.of("pollerMode", "1", "readPollers", "2", "carriers", "1"));
        assertEquals("1", properties.get("jdk.pollerMode"));
        assertEquals("2", properties.get("jdk.readPollers"));
        assertEquals("1", properties.get("jdk.virtualThreadScheduler.parallelism"));
        VirtualSettings.DEFAULTS.forEach((key, value) -> {
            if (VirtualSettings.JVM_PROPERTIES.containsKey(key)) {
                assertEquals(value, VirtualSettings.jvmProperties(Map.of()).get(VirtualSettings.JVM_PROPERTIES.get(key)));
            }
        });
        assertEquals(Map.of(), VirtualSettings.jvmProperties(Map.of("idle", "timer")), "idle is the server's own option");
    }

    /** A value the JDK would reject (or silently misread) is refused with one line that says what is allowed. */
    @Test
    void rejectsUnknownKeysAndValuesTheJdkDoesNotTake() {
        assertEquals("virtual: unknown option(s) [transport]; known: [carriers, idle, pollerMode, queue, readPollers]",
                assertThrows(IllegalArgumentException.class, () -> VirtualSettings.of("virtual", Map.of("transport", "epoll"))).getMessage());
        assertEquals("virtual: option pollerMode=3 must be 1 or 2 (JDK 25 has no other)",
                assertThrows(IllegalArgumentException.class, () -> VirtualSettings.of("virtual", Map.of("pollerMode", "3"))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> VirtualSettings.of("virtual", Map.of("readPollers", "3")));
        assertThrows(IllegalArgumentException.class, () -> VirtualSettings.of("virtual", Map.of("carriers", "0")));
        assertThrows(IllegalArgumentException.class, () -> VirtualSettings.of("virtual", Map.of("carriers", "x")));
        assertThrows(IllegalArgumentException.class, () -> VirtualSettings.of("virtual", Map.of("idle", "never")));
        assertThrows(IllegalArgumentException.class, () -> VirtualSettings.of("virtual", Map.of("queue", "linked")),
                "the queue is virtual-split's");
        assertThrows(IllegalArgumentException.class, () -> VirtualSettings.of("virtual-split", Map.of("queue", "ring")));
        VirtualSettings.of("virtual-split", Map.of("queue", "linked"));
    }

    /** The reaper checks a few times per idle period, never busier than every 10 ms nor lazier than every second. */
    @Test
    void reaperChecksAQuarterOfTheIdleTimeoutBetweenTenMillisAndOneSecond() {
        assertEquals(java.time.Duration.ofMillis(75), IdleReaper.period(java.time.Duration.ofMillis(300)));
        assertEquals(java.time.Duration.ofMillis(10), IdleReaper.period(java.time.Duration.ofMillis(20)));
        assertEquals(java.time.Duration.ofSeconds(1), IdleReaper.period(java.time.Duration.ofSeconds(60)));
    }
}
