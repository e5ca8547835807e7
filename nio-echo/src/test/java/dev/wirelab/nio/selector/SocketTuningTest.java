package dev.wirelab.nio.selector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.util.Map;

import dev.wirelab.core.echo.EchoConfig;
import org.junit.jupiter.api.Test;

class SocketTuningTest {

    /** Without options the server keeps the OS's buffers and turns Nagle off (echoes go out at once). */
    @Test
    void defaultsToOsBuffersAndNoDelay() {
        assertEquals(new SocketTuning(0, 0, true), SocketTuning.from(Map.of()));
    }

    @Test
    void readsEveryOption() {
        assertEquals(new SocketTuning(4096, 8192, false),
                SocketTuning.from(Map.of("sndbuf", "4096", "rcvbuf", "8192", "nodelay", "false")));
    }

    /** The config's send buffer reaches the selector; sndbuf= may repeat it but not contradict it. */
    @Test
    void takesTheSendBufferFromTheConfig() {
        EchoConfig small = EchoConfig.defaults().withSendBufferSize(4096);
        assertEquals(new SocketTuning(4096, 0, true), SocketTuning.from(small));
        assertEquals(new SocketTuning(4096, 0, true), SocketTuning.from(small.withOption("sndbuf", "4096")));
        assertEquals(new SocketTuning(8192, 0, true), SocketTuning.from(EchoConfig.defaults().withOption("sndbuf", "8192")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SocketTuning.from(small.withOption("sndbuf", "8192")));
        assertEquals("option sndbuf=8192 contradicts the send buffer size 4096; give the size once", e.getMessage());
    }

    /** A typo in a value is an error naming the option, not a silent default. */
    @Test
    void rejectsBadValuesWithTheOptionName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SocketTuning.from(Map.of("nodelay", "maybe")));
        assertEquals("option nodelay must be true or false, was 'maybe'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SocketTuning.from(Map.of("sndbuf", "-1")));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SocketTuning.from(Map.of("nagle", "on")))
                .getMessage().contains("nodelay=true|false"));
    }

    /** nodelay=false really leaves Nagle on: the option reaches the socket. */
    @Test
    void appliesNoDelayToTheChannel() throws Exception {
        try (SocketChannel channel = SocketChannel.open()) {
            new SocketTuning(0, 0, false).applyTo(channel);
            assertFalse(channel.getOption(StandardSocketOptions.TCP_NODELAY));
            new SocketTuning(0, 0, true).applyTo(channel);
            assertTrue(channel.getOption(StandardSocketOptions.TCP_NODELAY));
        }
    }
}
