package dev.wirelab.labs.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class TourVariantTest {

    /** NAME@key=value runs provider NAME with server options, so one tour can compare configurations. */
    @Test
    void variantNamesCarryServerOptions() {
        assertEquals("netty", Tour.providerName("netty@transport=epoll"));
        assertEquals(List.of("transport=epoll", "x=1"), Tour.variantOptions("netty@transport=epoll@x=1"));
        assertEquals("nio", Tour.providerName("nio"));
        assertEquals(List.of(), Tour.variantOptions("nio"));
    }

    @Test
    void rejectsAnOptionWithoutAValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tour.variantOptions("netty@epoll"));
        assertEquals("variant 'netty@epoll': server options go as NAME@key=value[@key=value], e.g. netty@transport=epoll",
                e.getMessage());
    }

    /** The second line of lab serve's output carries the server's own description for the report. */
    @Test
    void readsServerDetailsFromServeOutput() {
        assertEquals("loops=1, selector=EPollSelectorImpl",
                Tour.details(List.of("listening 127.0.0.1:4000", "nio (selector), loops=1, selector=EPollSelectorImpl; Ctrl-C stops it")));
        assertEquals("", Tour.details(List.of("listening 127.0.0.1:4000", "blocking (thread-per-connection); Ctrl-C stops it")));
    }

    /** Options that are JVM properties reach the server's JVM as -D flags, so virtual@pollerMode=1 really runs mode 1. */
    @Test
    void optionsThatAreJvmPropertiesBecomeServerJvmFlags() {
        Tour tour = new Tour(new TourPlan(List.of("virtual"), TourScenario.DEFAULTS, TourPlan.QUICK_DURATION,
                TourPlan.QUICK_WARMUP, 0, false, java.util.Optional.empty(), Placement.OS), TourListener.silent(), java.nio.file.Path.of("."));
        List<String> flags = tour.jvmFlags("virtual@pollerMode=1@carriers=1", java.nio.file.Path.of("x.jfr"));
        org.junit.jupiter.api.Assertions.assertTrue(flags.contains("-Djdk.pollerMode=1"), flags.toString());
        org.junit.jupiter.api.Assertions.assertTrue(flags.contains("-Djdk.virtualThreadScheduler.parallelism=1"), flags.toString());
        org.junit.jupiter.api.Assertions.assertFalse(tour.jvmFlags("nio@sndbuf=4096", java.nio.file.Path.of("x.jfr"))
                .stream().anyMatch(f -> f.startsWith("-D") && f.contains("sndbuf")));
    }
}
