package dev.wirelab.labs.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LinkRateTest {

    @Test
    void readsTcSpellingsOfARate() {
        assertEquals(1_000_000_000L, LinkRate.parse("1gbit").bitsPerSecond());
        assertEquals(100_000_000L, LinkRate.parse("100Mbit").bitsPerSecond());
        assertEquals(512_000L, LinkRate.parse("512kbit").bitsPerSecond());
    }

    @Test
    void rejectsWhatTcWouldMisread() {
        assertThrows(IllegalArgumentException.class, () -> LinkRate.parse("1gb"));
        assertThrows(IllegalArgumentException.class, () -> LinkRate.parse("fast"));
        assertThrows(IllegalArgumentException.class, () -> LinkRate.parse("1kbit"));
    }

    /** The bucket covers 4 ms of traffic and at least one 64 KiB GSO segment. */
    @Test
    void burstCoversOneSegmentAndFourMilliseconds() {
        assertEquals(64 * 1024, LinkRate.parse("10mbit").burstBytes());
        assertEquals(500_000, LinkRate.parse("1gbit").burstBytes());
    }

    /** 100 Mbit/s for a 20 ms round trip: 250,000 bytes must be in flight to keep the link busy. */
    @Test
    void bandwidthDelayProductIsRateTimesRoundTrip() {
        assertEquals(250_000, LinkRate.parse("100mbit").bdpBytes(0.020));
    }
}
