package dev.wirelab.labs.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Reading ss -tm output: send is tb (sk_sndbuf), receive is rb (sk_rcvbuf); the local port tells the server end. */
class SocketBuffersTest {

    @Test
    void readsSendAndReceiveBuffersOfEverySocket() {
        String ss = """
                0      0      127.0.0.1:37013 127.0.0.1:59636
                \t skmem:(r0,rb131072,t0,tb3939840,f0,w0,o0,bl0,d0)
                0      0      127.0.0.1:59636 127.0.0.1:37013
                \t skmem:(r0,rb16384,t0,tb16384,f0,w0,o0,bl0,d0)
                """;

        SocketBuffers.Ends ends = SocketBuffers.parse(ss, 37013);

        assertEquals(List.of(new SocketBuffers(3_939_840, 131_072)), ends.server());
        assertEquals(List.of(new SocketBuffers(16_384, 16_384)), ends.client());
    }

    /** ss puts skmem on the socket's own line when the columns fit: both layouts read the same. */
    @Test
    void readsSkmemOnTheSocketLineToo() {
        String ss = "0      2621440 127.0.0.1:41000 127.0.0.1:37013 skmem:(r0,rb1048576,t0,tb3939840,f0,w0,o0,bl0,d0)\n"
                + "0      0      127.0.0.1:37013 127.0.0.1:41000\n\t skmem:(r0,rb332000,t0,tb3939840,f0,w0,o0,bl0,d0)\n";

        SocketBuffers.Ends ends = SocketBuffers.parse(ss, 37013);

        assertEquals(List.of(new SocketBuffers(3_939_840, 332_000)), ends.server());
        assertEquals(List.of(new SocketBuffers(3_939_840, 1_048_576)), ends.client());
    }

    @Test
    void describesEqualSocketsOnceAndDifferentOnesAsARange() {
        assertEquals("16 KiB / 16 KiB", SocketBuffers.describe(List.of(new SocketBuffers(16_384, 16_384),
                new SocketBuffers(16_384, 16_384))));
        assertEquals("16 KiB–3.8 MiB / 128 KiB", SocketBuffers.describe(List.of(new SocketBuffers(16_384, 131_072),
                new SocketBuffers(3_939_840, 131_072))));
        assertEquals("-", SocketBuffers.describe(List.of()));
    }
}
