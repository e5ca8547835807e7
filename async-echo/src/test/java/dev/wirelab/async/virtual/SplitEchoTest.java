package dev.wirelab.async.virtual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wirelab.core.echo.EchoConfig;
import org.junit.jupiter.api.Test;

/** The sizing rule of the split variant's queue, and option checking shared by the virtual-thread servers. */
class SplitEchoTest {

    /** Queued chunks plus the writer's and the reader's chunk fit in maxPendingWriteBytes: 256 KiB / 16 KiB = 16 = 14 + 2. */
    @Test
    void sizesTheQueueSoQueuedAndInFlightChunksFitTheBound() {
        EchoConfig config = EchoConfig.defaults().withReadBufferSize(16 * 1024).withMaxPendingWriteBytes(256 * 1024);
        assertEquals(14, SplitEcho.capacity(config));
    }

    /** A queue needs one slot at least, even when the bound allows fewer than three chunks. */
    @Test
    void keepsOneQueueSlotWhenTheBoundIsTight() {
        EchoConfig config = EchoConfig.defaults().withReadBufferSize(16 * 1024).withMaxPendingWriteBytes(16 * 1024);
        assertEquals(1, SplitEcho.capacity(config));
    }

    /** The virtual-thread servers take no options; passing one is an error, not a silent no-op. */
    @Test
    void rejectsOptionsItDoesNotRead() {
        EchoConfig config = EchoConfig.defaults().withOption("transport", "epoll");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VirtualThreadEchoServer.startSplit(config));
        assertTrue(e.getMessage().startsWith("virtual-split: unknown option(s) [transport]; known: ["), e.getMessage());
    }
}
