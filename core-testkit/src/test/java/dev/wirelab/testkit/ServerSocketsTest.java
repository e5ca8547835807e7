package dev.wirelab.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Reading {@code ss -tmnH} output: Send-Q from the socket line, tb from its skmem, wherever ss puts it. */
class ServerSocketsTest {

    /** A narrow terminal: skmem on the line after its socket; IPv4-mapped addresses as the JDK binds them. */
    @Test
    void readsSkmemFromTheLineAfterItsSocket() {
        String output = """
                1696851  4023043 [::ffff:127.0.0.1]:38999 [::ffff:127.0.0.1]:51558
                \t skmem:(r1714323,rb1875151,t0,tb4194304,f3626,w4073795,o0,bl0,d8)
                0        0       127.0.0.1:38999 127.0.0.1:51566
                \t skmem:(r0,rb131072,t0,tb8192,f0,w0,o0,bl0,d0)
                """;
        assertEquals(List.of(new ServerSockets(4_023_043, 4_194_304), new ServerSockets(0, 8_192)),
                ServerSockets.parse(output));
    }

    /** A wide terminal puts skmem on the socket's own line; junk and an empty output give nothing, never an exception. */
    @Test
    void readsSkmemOnTheSameLineAndIgnoresTheRest() {
        assertEquals(List.of(new ServerSockets(54_037, 8_192)), ServerSockets.parse(
                "0 54037 127.0.0.1:7007 127.0.0.1:40000 skmem:(r0,rb131072,t0,tb8192,f0,w0,o0,bl0,d0)\n"));
        assertEquals(List.of(), ServerSockets.parse(""));
        assertEquals(List.of(), ServerSockets.parse("Cannot open netlink socket: Permission denied\n skmem:(tb12)\n"));
    }
}
