package dev.wirelab.core.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;

import dev.wirelab.core.protocol.Protocol;
import org.junit.jupiter.api.Test;

/** The send buffer setting: 0 leaves the OS default, every copy keeps it, and a bad value says what is allowed. */
class EchoConfigSendBufferTest {

    @Test
    void defaultsToTheOsBufferAndSurvivesEveryCopy() {
        assertEquals(0, EchoConfig.defaults().sendBufferSize());
        EchoConfig small = EchoConfig.defaults().withSendBufferSize(4096);
        assertEquals(4096, small.withPort(7).withOption("k", "v").withProtocol(Protocol.HTTP).withIoThreads(2)
                .withIdleTimeout(Duration.ZERO).sendBufferSize());
    }

    /** The constructors from before the setting existed still work, and mean "the OS default". */
    @Test
    void olderConstructorsLeaveItToTheOs() {
        assertEquals(0, new EchoConfig("127.0.0.1", 0, 1, Duration.ZERO, 1024, 1024, 0, 1, Map.of()).sendBufferSize());
        assertEquals(0, new EchoConfig("127.0.0.1", 0, 1, Duration.ZERO, 1024, 1024, 0, 1, Map.of(), Protocol.ECHO)
                .sendBufferSize());
    }

    @Test
    void rejectsANegativeOrHugeSizeWithTheAllowedRange() {
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> EchoConfig.defaults().withSendBufferSize(-1));
        assertEquals("sendBufferSize must be 0 (the OS default) or 1 B..256 MiB, was -1", negative.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> EchoConfig.defaults().withSendBufferSize(EchoConfig.MAX_SEND_BUFFER_SIZE + 1));
    }
}
