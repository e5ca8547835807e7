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
}
